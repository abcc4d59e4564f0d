/**
 * The benchmark catalogue: lib/extract/data/benchmarks.tsv parsed into entries, plus the checks that keep
 * the file reviewable (sorted, no duplicate names or aliases). Format: /work/notes/catalogue-format.md and
 * the README section "Extending the benchmark catalogue".
 */
import { eachInSteps, finish, type Steps } from './steps';
import { wordsOf } from './tokenize';

export const AREAS = [
  'language', 'qa', 'reasoning', 'math', 'code', 'agents', 'safety', 'evaluation', 'retrieval', 'multilingual',
  'vision', 'video', '3d', 'multimodal', 'generation', 'speech', 'audio', 'rl', 'robotics', 'graphs',
  'time-series', 'recommendation', 'medicine', 'science', 'tabular', 'social',
] as const;
const AREA_SET = new Set<string>(AREAS);
const FLAG_SET = new Set(['case', 'cue']);

export interface CatalogueEntry {
  name: string;
  aliases: string[];
  area: string;
  /** Only the exact-case forms written in name/aliases count (the name is also an ordinary word). */
  caseSensitive: boolean;
  /** A one-word mention needs a cue nearby (a number, "benchmark", another benchmark ...). */
  needsCue: boolean;
  url: string;
  /** 1-based line in the TSV, for messages. */
  line: number;
}

export interface CatalogueProblem {
  line: number;
  message: string;
}

/** Lower-cased letters and digits only: the key under which names, aliases and text meet. */
export function normalizedKey(form: string): string {
  return formWords(form).keys.join('');
}

/** A name or alias split into words the way text is: keys plus where each word was written. */
export interface FormWords {
  keys: string[];
  written: string[];
}

/**
 * The words of a name or alias, without a leading "the": "The Pile" is matched as "Pile" (with its cue
 * rule), which keeps "the" from becoming a key every sentence has to look up.
 */
export function formWords(form: string): FormWords {
  const { keys, written } = wordsOf(form);
  if (keys.length > 1 && keys[0] === 'the') {
    keys.shift();
    written.shift();
  }
  return { keys, written };
}

/** Parses the TSV. Malformed lines are reported in `problems` and skipped, never thrown. */
export function parseCatalogue(tsv: string): ParsedCatalogue {
  return finish(parseCatalogueSteps(tsv));
}

export interface ParsedCatalogue {
  entries: CatalogueEntry[];
  problems: CatalogueProblem[];
}

/** `parseCatalogue` in steps of ITEMS_PER_STEP lines (lib/extract/steps.ts). */
export function* parseCatalogueSteps(tsv: string): Steps<ParsedCatalogue> {
  const parsed: ParsedCatalogue = { entries: [], problems: [] };
  const lines = tsv.split('\n');
  yield* eachInSteps(lines, (raw, i) => parseLine(raw, i + 1, parsed));
  return parsed;
}

function parseLine(text: string, line: number, { entries, problems }: ParsedCatalogue): void {
  const raw = text.endsWith('\r') ? text.slice(0, -1) : text;
  if (raw === '' || raw.startsWith('#')) return;
  const cols = raw.split('\t');
  if (cols.length !== 5) {
    problems.push({ line, message: `expected 5 tab-separated columns, found ${cols.length}` });
    return;
  }
  // (Indexes rather than destructuring: no iterator per line while the interpreter runs this.)
  const name = cols[0]!;
  const aliasCol = cols[1]!;
  const flagCol = cols[3]!;
  if (!name.trim()) {
    problems.push({ line, message: 'empty name' });
    return;
  }
  const flags = flagCol ? flagCol.split(',') : [];
  entries.push({
    name,
    aliases: aliasCol ? aliasCol.split('|') : [],
    area: cols[2]!,
    caseSensitive: flags.includes('case'),
    needsCue: flags.includes('cue'),
    url: cols[4]!,
    line,
  });
  for (const flag of flags) if (!FLAG_SET.has(flag)) problems.push({ line, message: `unknown flag "${flag}"` });
}

/** Case-insensitive first, then case-sensitive: the order the file is kept in. */
export function compareNames(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Everything that makes a catalogue file unfit to ship; empty when it is fine. */
export function checkCatalogue(tsv: string): CatalogueProblem[] {
  const { entries, problems } = parseCatalogue(tsv);
  tsv.split('\n').forEach((raw, i) => {
    if (raw.startsWith('#')) return;
    // An empty last column is a trailing tab, which is fine; spaces around a column are not.
    if (raw.split('\t').some((column) => column !== column.trim())) {
      problems.push({ line: i + 1, message: 'white space around a column' });
    }
  });
  const owner = new Map<string, CatalogueEntry>();
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const previous = entries[i - 1];
    if (previous && compareNames(previous.name, entry.name) >= 0) {
      problems.push({ line: entry.line, message: `"${entry.name}" is out of order (after "${previous.name}")` });
    }
    if (!AREA_SET.has(entry.area)) problems.push({ line: entry.line, message: `unknown area "${entry.area}"` });
    if (entry.url && !/^https:\/\/\S+$/.test(entry.url)) {
      problems.push({ line: entry.line, message: `url must be empty or https://...: "${entry.url}"` });
    }
    if (entry.needsCue && !entry.caseSensitive) {
      problems.push({ line: entry.line, message: '"cue" needs "case" as well' });
    }
    const seenInEntry = new Set<string>();
    for (const form of [entry.name, ...entry.aliases]) {
      if (form !== form.trim() || form === '') {
        problems.push({ line: entry.line, message: `empty or padded name/alias "${form}"` });
        continue;
      }
      const key = normalizedKey(form);
      if (!key) {
        problems.push({ line: entry.line, message: `"${form}" has no letters or digits` });
        continue;
      }
      // Inside one entry a repeated key is only useful for `case` entries, which list each exact form.
      const inEntryKey = entry.caseSensitive ? form.replace(/[^\p{L}\p{N}]/gu, '') : key;
      if (seenInEntry.has(inEntryKey)) {
        problems.push({
          line: entry.line,
          message: `alias "${form}" repeats the name or another alias of "${entry.name}" once normalised`,
        });
      }
      seenInEntry.add(inEntryKey);
      const other = owner.get(key);
      if (other && other !== entry) {
        problems.push({
          line: entry.line,
          message: `"${form}" of "${entry.name}" is also a name/alias of "${other.name}" (line ${other.line})`,
        });
      } else owner.set(key, entry);
    }
  }
  return problems.sort((a, b) => a.line - b.line);
}

/** One node of the catalogue index: a joined key that is a whole form, a prefix of one, or both. */
export interface CatalogueNode {
  /** Index into entries when the key is a whole name or alias, else -1. */
  entry: number;
  /** Fewest tokens any form with this key is written in ("GSM8K": 1; "Game of 24": 3). */
  minTokens: number;
  /** Some longer form starts with this key at a boundary where the text may split words. */
  prefix: boolean;
}

/**
 * Indexes every form by its joined key, and every boundary prefix of it: token boundaries ("Game|of|24"),
 * letter/digit changes ("GSM|8|K") and camel case ("Hotpot|QA"), so that text written with other spacing
 * still finds the form by joining its own tokens one at a time. `node` finds or adds the node of a key
 * (the lexicon keeps them on its own entries). In steps of ITEMS_PER_STEP entries (lib/extract/steps.ts).
 */
export function indexCatalogueSteps(entries: CatalogueEntry[], node: (key: string) => CatalogueNode): Steps<void> {
  return eachInSteps(entries, (entry, e) => {
    indexForm(entry.name, e, node);
    for (let a = 0; a < entry.aliases.length; a++) indexForm(entry.aliases[a]!, e, node);
  });
}

function indexForm(form: string, e: number, node: (key: string) => CatalogueNode): void {
  const { keys, written } = formWords(form);
  const key = keys.length === 1 ? keys[0]! : keys.join('');
  if (!key) return;
  const whole = node(key);
  if (whole.entry === -1) whole.entry = e;
  if (keys.length < whole.minTokens) whole.minTokens = keys.length;
  // Prefixes that end where text may start a new word: between words, at a letter/digit change, at camel case.
  let offset = 0;
  for (let t = 0; t < keys.length; t++) {
    const word = written[t]!;
    const length = keys[t]!.length;
    if (t > 0) node(key.slice(0, offset)).prefix = true;
    for (let c = 1; c < length && c < word.length; c++) {
      if (isWordBoundary(word.charCodeAt(c - 1), word.charCodeAt(c))) node(key.slice(0, offset + c)).prefix = true;
    }
    offset += length;
  }
}

/** Whether text may start a new word between two characters of one word: "GSM|8K", "Hotpot|QA". */
function isWordBoundary(a: number, b: number): boolean {
  return isDigit(a) !== isDigit(b) || (isLower(a) && isUpper(b));
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLower = (c: number) => c >= 97 && c <= 122;
const isUpper = (c: number) => c >= 65 && c <= 90;


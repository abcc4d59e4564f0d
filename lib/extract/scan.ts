/**
 * The one pass over the tokens of a paper: catalogue names (longest first), topic phrases, and the
 * positions that discovery and results look at afterwards. Everything costlier than a hash lookup per
 * word happens later, and only around the positions recorded here.
 */
import type { CatalogueEntry } from './catalogue';
import { BENCH_WORD, DATASET_HEAD, HAS_CATALOGUE, HAS_PHRASES, INTRO_VERB, type Lexeme, type Lexicon, type PhraseWords } from './lexicon';
import {
  GAP_HARD,
  GAP_LATEX,
  GAP_PERCENT,
  GAP_HYPHEN,
  GAP_SENTENCE,
  GAP_SPACE,
  GAP_SLASH,
  GAP_APOSTROPHE,
  HAS_ALPHA,
  HAS_DIGIT,
  DIGIT_FIRST,
  UPPER_FIRST,
  CAMEL,
  UPPER_INNER,
  GAP_NONE,
  joinHash,
  joinHash2,
  NAME_SUFFIX,
  sliceText,
  textCodeAt,
  tokenKeyLength,
  type Tokens,
} from './tokenize';
import type { PhraseTopics, TopicEvidence, TopicPhrase } from './topics';

/** A catalogue name found in the text: tokens `first..last` (inclusive). */
export interface CatalogueHit {
  entry: number;
  first: number;
  last: number;
  /** Confirmed by case and cue rules (cue checks need the whole text, so they run after the pass). */
  confirmed: boolean;
  /** The cue it still needs: a usual one, or (all lower case) a cue word or number, not just "the". */
  needs: 'none' | 'cue' | 'strong-cue';
}

export interface ScanResult {
  hits: CatalogueHit[];
  evidence: TopicEvidence;
  /** Tokens that are dataset head nouns ("benchmark", "dataset", ...). */
  heads: TokenList;
  /** Tokens that are plain numbers ("94", "5" of "5.4%"). */
  numbers: TokenList;
  /** Tokens shaped like benchmark names by their ending ("Eureka-Bench", "XBench", "EquityMedQA"). */
  suffixNames: TokenList;
  /** Catalogue names with more name written onto them ("TAPVid-3D"): (first, last) token pairs. */
  variants: TokenList;
  /** Verbs that introduce a contribution ("introduce", "present", "release", ...). */
  intros: TokenList;
  /** Index of the first token of the abstract (tokens before it are the title). */
  abstractStart: number;
}

/** What the scan needs from the engine. */
export interface ScanContext {
  lexicon: Lexicon;
  entries: CatalogueEntry[];
  phrases: TopicPhrase[];
  phraseWords: PhraseWords[];
  phraseTopics: PhraseTopics;
  /** Reused by every call (extraction is synchronous). */
  evidence: TopicEvidence;
}

/** A growable list of token indexes, reused across calls (no garbage per paper). */
export class TokenList {
  items = new Int32Array(64);
  length = 0;

  push(t: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = t;
  }
}

const heads = new TokenList();
const numbers = new TokenList();
const suffixNames = new TokenList();
const intros = new TokenList();

/** Catalogue names with more written onto them: pairs (first token, last token) for discovery. */
const variants = new TokenList();

// What ends a multi-word name: clause punctuation, "%" and LaTeX commands.
const JOIN_BREAK = GAP_HARD | GAP_PERCENT | GAP_LATEX;
// What may stand before the first word of a name (not a hyphen or a dot inside a longer word).
const NAME_START_GAPS = GAP_HARD | GAP_SPACE | GAP_SLASH | GAP_LATEX | GAP_APOSTROPHE | GAP_PERCENT;
// Anything but a hyphen (or nothing) between two words ends a compound name.
const VARIANT_BREAK = NAME_START_GAPS | GAP_NONE;

let callCounter = 0;

/**
 * `capsTitle`: the title is written in capitals ("SOLVING MATH WORD PROBLEMS"), so exact case says nothing
 * there and case-sensitive names in it need a strong cue.
 */
export function scan(tokens: Tokens, abstractOffset: number, context: ScanContext, capsTitle = false): ScanResult {
  const call = ++callCounter;
  const { lexicon } = context;
  const { info, starts, ids } = tokens;
  const n = tokens.length;
  const { lexemes, roles: lexRoles, flags: lexFlags } = lexicon;
  const hits: CatalogueHit[] = [];
  const evidence = context.evidence;
  evidence.reset();
  heads.length = 0;
  numbers.length = 0;
  suffixNames.length = 0;
  variants.length = 0;
  intros.length = 0;
  let abstractStart = n;
  let phraseUntil = -1;

  // Word ids were looked up by the tokenizer (tokenizeParts with the lexicon); phrases look ahead at them.

  for (let t = 0; t < n; t++) {
    if (abstractStart === n && starts[t]! >= abstractOffset) abstractStart = t;
    const shape = info[t]!;
    if (shape & GAP_LATEX) continue; // "\textbf", "\mathrm": markup, not words
    if (!(shape & HAS_ALPHA)) numbers.push(t);
    else if (shape & NAME_SUFFIX && shape & (UPPER_FIRST | CAMEL | UPPER_INNER)) suffixNames.push(t);
    const id = ids[t]!;
    if (id < 0) continue;
    const roles = lexRoles[id]!;
    // "a dataset-free method", "benchmark-driven": an adjective, not the noun that names a dataset.
    if (roles & DATASET_HEAD && (t + 1 >= n || !(info[t + 1]! & GAP_HYPHEN) || info[t + 1]! & GAP_SPACE)) heads.push(t);
    if (roles & BENCH_WORD && shape & GAP_HYPHEN) suffixNames.push(t); // "Eureka-Bench"
    if (roles & INTRO_VERB) intros.push(t);
    const flags = lexFlags[id]!;
    // A name never starts inside a hyphenated word: "Qwen2.5-Math-Instruct" holds no "Math-Instruct".
    if (flags & HAS_CATALOGUE && (t === 0 || shape & NAME_START_GAPS)) {
      const before = hits.length;
      const last = matchCatalogue(tokens, t, lexemes[id]!.cat!, context, hits, abstractOffset, capsTitle);
      // A name that still needs a cue ("Traffic", "total text") may be ordinary words after all: topic
      // phrases get to read them too.
      const pending = hits.length > before && !hits[hits.length - 1]!.confirmed;
      if (last >= 0 && !pending) {
        t = last;
        continue;
      }
    }
    // Words inside a matched phrase still get their roles recorded above ("preference dataset (OpinPref)").
    if (flags & HAS_PHRASES && t > phraseUntil) {
      const last = matchPhrase(tokens, t, lexemes[id]!, context, evidence, starts[t]! < abstractOffset, call);
      if (last >= 0) phraseUntil = last;
    }
  }
  return { hits, evidence, heads, numbers, suffixNames, variants, intros, abstractStart };
}

/** Longest catalogue name starting at token t; returns its last token, or -1. */
function matchCatalogue(
  tokens: Tokens,
  t: number,
  first: NonNullable<Lexeme['cat']>,
  context: ScanContext,
  hits: CatalogueHit[],
  abstractOffset: number,
  capsTitle: boolean,
): number {
  const { info } = tokens;
  const { lexicon, entries } = context;
  let node = first;
  const { hashes, hashes2 } = tokens;
  let hash = hashes[t]!;
  let hash2 = hashes2[t]!;
  let length = tokenKeyLength(tokens, t);
  let bestEntry = -1;
  let bestLast = -1;
  for (let j = t; ; ) {
    if (node.entry >= 0 && acceptsForm(tokens, t, j, node.minTokens, entries[node.entry]!)) {
      bestEntry = node.entry;
      bestLast = j;
    }
    if (!node.prefix) break;
    j++;
    if (j >= tokens.length || info[j]! & JOIN_BREAK) break;
    const wordLength = tokenKeyLength(tokens, j);
    hash = joinHash(hash, hashes[j]!, wordLength);
    hash2 = joinHash2(hash2, hashes2[j]!, wordLength);
    length += wordLength;
    if (!lexicon.mayBeCatalogueKey(hash, hash2)) break;
    const id = lexicon.probe(hash, hash2, length);
    const next = id < 0 ? null : lexicon.lexemes[id]!.cat;
    if (next === null) break;
    node = next;
  }
  if (bestEntry < 0) return -1;
  const entry = entries[bestEntry]!;
  // A one-word name that is also an ordinary word or acronym needs a cue close by; checked after the pass.
  // So does a capitalised word ("Habitat", "Atari") where every word may be capitalised: in the title and
  // at the start of a sentence.
  const shape = info[t]!;
  const capitalised = (shape & (UPPER_FIRST | UPPER_INNER | HAS_DIGIT)) === UPPER_FIRST;
  const anyCase = capitalised && (tokens.starts[t]! < abstractOffset || (shape & GAP_SENTENCE) !== 0);
  // And a name the catalogue writes with capitals, found all in lower case: "total text", "moments in time",
  // "perception test" are prose far more often than Total-Text, Moments in Time or the Perception Test.
  let lowerOnly = !hasLowerCaseForm(entry);
  for (let k = t; lowerOnly && k <= bestLast; k++) if (info[k]! & (UPPER_FIRST | UPPER_INNER)) lowerOnly = false;
  const needsCue = bestLast === t && (entry.needsCue || (entry.caseSensitive && anyCase));
  const inCapsTitle = capsTitle && entry.caseSensitive && tokens.starts[t]! < abstractOffset;
  const needs = lowerOnly || inCapsTitle ? 'strong-cue' : needsCue ? 'cue' : 'none';
  const last = absorbVersion(tokens, bestLast);
  // "TAPVid-3D", "HumanEval-X", "Stack-Edu": a catalogue name with more name written onto it is another
  // benchmark (left to discovery); "Alpaca-7B" is a model; "MMLU-style" is still MMLU.
  const compoundEnd = variantEnd(tokens, last);
  if (compoundEnd > last) {
    if (!isModelSize(tokens, last + 1)) {
      variants.push(t);
      variants.push(compoundEnd);
    }
    return compoundEnd;
  }
  hits.push({ entry: bestEntry, first: t, last, confirmed: needs === 'none', needs });
  return bestLast;
}

/** Last token of name parts joined onto token `last` ("-3D", "-X", "-Hard"), or `last` when there are none. */
function variantEnd(tokens: Tokens, last: number): number {
  const { info } = tokens;
  const next = last + 1;
  if (next >= tokens.length || info[next]! & VARIANT_BREAK) return last;
  // Only letters make a variant ("-3D", "-X", "-Hard"); a bare number is a resolution or split ("ImageNet-256").
  if (!(info[next]! & HAS_ALPHA) || !(info[next]! & (UPPER_FIRST | DIGIT_FIRST))) return last;
  let end = next;
  while (end + 1 < tokens.length && !(info[end + 1]! & VARIANT_BREAK)) end++;
  return end;
}

/** "7B", "13B", "1.5B", "8x7B": a model size, so the compound is a model name ("Alpaca-7B"). */
function isModelSize(tokens: Tokens, t: number): boolean {
  const length = tokens.ends[t]! - tokens.starts[t]!;
  if (length > 6 || !(tokens.info[t]! & DIGIT_FIRST)) return false;
  return /^\d+(?:[.x]\d+)?[bmkBMK]$/.test(sliceText(tokens, tokens.starts[t]!, tokens.ends[t]!));
}

/**
 * "ImageNet 2012", "SQuAD v1": a year or v-number right after a name belongs to it (shown in the hover,
 * and not read as a reported result), unless the catalogue has the versioned name as its own entry.
 */
function absorbVersion(tokens: Tokens, last: number): number {
  const next = last + 1;
  if (next >= tokens.length || tokens.info[next]! & JOIN_BREAK) return last;
  const { starts, ends, info } = tokens;
  const start = starts[next]!;
  const length = ends[next]! - start;
  const first = textCodeAt(tokens, start);
  if ((first === 118 || first === 86) && length <= 3 && /^[vV]\d{1,2}$/.test(sliceText(tokens, start, start + length))) {
    return next; // "v2"
  }
  const century = textCodeAt(tokens, start) * 100 + textCodeAt(tokens, start + 1);
  if (length === 4 && !(info[next]! & HAS_ALPHA) && (century === 50 * 100 + 48 || century === 49 * 100 + 57)) {
    return next; // "2012", "1998"
  }
  return last;
}

function acceptsForm(tokens: Tokens, first: number, last: number, minTokens: number, entry: CatalogueEntry): boolean {
  if (last - first + 1 > minTokens) {
    // Text splits a name the catalogue writes as one word ("GSM 8K", "Hotpot QA"): only when written like a
    // name, so "commonsense QA" or "web questions" in prose stay prose.
    for (let k = first; k <= last; k++) {
      if (!(tokens.info[k]! & (UPPER_FIRST | HAS_DIGIT))) return false;
    }
  }
  if (!entry.caseSensitive) {
    // A short name is an acronym ("OGB", "DTD", "ABO"): never in lower case ("abo", "ett" in prose).
    if (first === last && tokens.ends[first]! - tokens.starts[first]! <= 3) {
      return (tokens.info[first]! & (UPPER_FIRST | UPPER_INNER | HAS_DIGIT)) !== 0;
    }
    return true;
  }
  // The letters and digits as written must be one of the exact forms (compared in place: no strings built).
  for (const form of exactFormsOf(entry)) if (spellsExactly(tokens, first, last, form)) return true;
  return false;
}

function spellsExactly(tokens: Tokens, first: number, last: number, form: string): boolean {
  let k = 0;
  for (let t = first; t <= last; t++) {
    if (tokens.info[t]! & GAP_NONE) continue; // "+" is not a letter or digit
    for (let i = tokens.starts[t]!, end = tokens.ends[t]!; i < end; i++) {
      if (form.charCodeAt(k++) !== textCodeAt(tokens, i)) return false;
    }
  }
  return k === form.length;
}

function lettersAndDigits(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0) out += text[i];
  }
  return out;
}

const lowerCaseForm = new WeakMap<CatalogueEntry, boolean>();
/** Whether the catalogue writes one of the entry's forms without capitals ("ogbn-arxiv", "bAbI" no). */
function hasLowerCaseForm(entry: CatalogueEntry): boolean {
  let known = lowerCaseForm.get(entry);
  if (known === undefined) {
    known = [entry.name, ...entry.aliases].some((form) => form === form.toLowerCase());
    lowerCaseForm.set(entry, known);
  }
  return known;
}

const exactForms = new WeakMap<CatalogueEntry, string[]>();
function exactFormsOf(entry: CatalogueEntry): string[] {
  let forms = exactForms.get(entry);
  if (!forms) {
    const set = new Set([entry.name, ...entry.aliases].map(lettersAndDigits));
    // "The Pile" is also written "Pile" (the matcher drops a leading "the").
    for (const f of [...set]) if (f.startsWith('The') && f.length > 3) set.add(f.slice(3));
    forms = [...set];
    exactForms.set(entry, forms);
  }
  return forms;
}

/** Longest topic phrase starting at token t; returns its last token, or -1. */
function matchPhrase(
  tokens: Tokens,
  t: number,
  lex: Lexeme,
  context: ScanContext,
  evidence: TopicEvidence,
  inTitle: boolean,
  call: number,
): number {
  const { ids, info, starts, ends } = tokens;
  if (lex.phrases !== null) {
    const next = t + 1 < tokens.length && !(info[t + 1]! & (GAP_HARD | GAP_LATEX)) ? ids[t + 1]! : -2;
    const last = next >= 0 ? tryPhrases(tokens, t, lex.phrases.get(next), context, evidence, inTitle, call) : -1;
    if (last >= 0) return last;
    if (lex.exactSingle) {
      const lastExact = tryPhrases(tokens, t, lex.phrases.get(-1), context, evidence, inTitle, call);
      if (lastExact >= 0) return lastExact;
    }
  }
  if (lex.single < 0) return -1;
  context.phraseTopics.countPhrase(lex.single, starts[t]!, ends[t]!, inTitle, call, evidence);
  return t;
}

/** The first of `candidates` (longest first) that the words from t on spell; returns its last token or -1. */
function tryPhrases(
  tokens: Tokens,
  t: number,
  candidates: number[] | undefined,
  context: ScanContext,
  evidence: TopicEvidence,
  inTitle: boolean,
  call: number,
): number {
  if (candidates === undefined) return -1;
  const { ids, info, starts, ends } = tokens;
  outer: for (let c = 0; c < candidates.length; c++) {
    const index = candidates[c]!;
    const words = context.phraseWords[index]!;
    const len = words.ids.length;
    if (t + len > tokens.length) continue;
    for (let k = 2; k < len; k++) {
      if (ids[t + k] !== words.ids[k] || info[t + k]! & (GAP_HARD | GAP_LATEX)) continue outer;
    }
    if (words.exact) {
      for (let k = 0; k < len; k++) {
        const word = words.exact[k]!;
        if (ends[t + k]! - starts[t + k]! !== word.length || sliceText(tokens, starts[t + k]!, ends[t + k]!) !== word) continue outer;
      }
    }
    context.phraseTopics.countPhrase(index, starts[t]!, ends[t + len - 1]!, inTitle, call, evidence);
    return t + len - 1;
  }
  return -1;
}


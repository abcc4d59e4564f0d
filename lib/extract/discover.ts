/**
 * Discovery of benchmark and dataset names that are not in the catalogue: what a paper introduces or
 * evaluates on ("we introduce X, a benchmark of ...", "the X dataset", "a new dataset (X)", "X-Bench",
 * "X: A Benchmark for ..."). Runs only around the positions the token pass recorded (dataset head nouns,
 * names ending in Bench/QA, the title's "X:"), so its cost does not grow with the catalogue.
 *
 * Precision first: every rule needs a dataset word or a benchmark-shaped name, and model, method and
 * metric names (GPT-4o, DPO, MCTS, BLEU) are vetoed by data/not-benchmarks.txt.
 */
import {
  ARTICLE,
  COPULA,
  CUE_WORD,
  DATASET_HEAD,
  FUNCTION_WORD,
  INTRO_VERB,
  LIST_JOINER,
  METHOD_NOUN,
  NAMING_WORD,
  PHRASE_STOP,
  type Lexicon,
} from './lexicon';
import type { ScanResult } from './scan';
import { eachInSteps, type Steps } from './steps';
import {
  CAMEL,
  DIGIT_FIRST,
  GAP_CLOSE_PAREN,
  GAP_COLON,
  GAP_COMMA,
  GAP_HARD,
  GAP_HYPHEN,
  GAP_LATEX,
  GAP_APOSTROPHE,
  GAP_PERCENT,
  GAP_OPEN_PAREN,
  GAP_SENTENCE,
  GAP_SPACE,
  HAS_ALPHA,
  HAS_DIGIT,
  HAS_LOWER,
  UPPER_FIRST,
  UPPER_INNER,
  joinedKey,
  sliceText,
  tokenKey,
  type Tokens,
} from './tokenize';

export interface DiscoveredName {
  name: string;
  key: string;
  first: number;
  last: number;
}

/** Vetoes from data/not-benchmarks.txt: whole keys, and family prefixes ("gpt*" covers GPT-4o, GPT-3.5). */
export interface NotBenchmarks {
  keys: Set<string>;
  families: Set<string>;
}

/** The vetoes of not-benchmarks.txt, parsed in steps of ITEMS_PER_STEP lines (lib/extract/steps.ts). */
export function* parseNotBenchmarksSteps(text: string): Steps<NotBenchmarks> {
  const keys = new Set<string>();
  const families = new Set<string>();
  yield* eachInSteps(text.split('\n'), (raw) => {
    const line = raw.trim().toLowerCase();
    if (!line || line.startsWith('#')) return;
    if (line.endsWith('*')) families.add(line.slice(0, -1).replace(/[^a-z0-9]/g, ''));
    else keys.add(line.replace(/[^a-z0-9]/g, ''));
  });
  return { keys, families };
}

/** Lower-case parts allowed after a hyphen in a name: "BIG-bench", "SWE-bench-lite", "MT-Bench-101". */
const NAME_SUFFIXES = new Set(['bench', 'eval', 'hard', 'mini', 'lite', 'plus', 'pro', 'verified', 'test']);

/** Verbs that describe what a collection holds, and the units it holds (introducedWithContents). */
const CONTENT_VERBS = new Set([
  'contains', 'containing', 'comprises', 'comprising', 'consists', 'consisting', 'includes', 'including',
  'covering', 'covers', 'spanning', 'spans', 'featuring', 'features', 'with', 'of',
]);
const CONTENT_NOUNS = new Set([
  'questions', 'examples', 'instances', 'samples', 'pairs', 'problems', 'tasks', 'prompts', 'dialogues', 'dialogs',
  'conversations', 'images', 'videos', 'hours', 'documents', 'queries', 'annotations', 'items', 'cases', 'scenarios',
  'dilemmas', 'trajectories', 'puzzles', 'articles', 'papers', 'sentences', 'utterances', 'recordings', 'clips',
  'molecules', 'proteins', 'patients', 'records', 'reports', 'repositories', 'issues', 'episodes', 'demonstrations',
  'responses', 'comparisons', 'judgments', 'ratings', 'tables', 'charts', 'scenes', 'stories', 'posts', 'reviews',
  'languages', 'domains', 'entries', 'triples', 'claims', 'passages', 'programs', 'functions', 'tests', 'exercises',
  'situations', 'values', 'texts', 'words', 'tokens', 'games', 'levels', 'environments',
]);

const enum Strength {
  None = 0,
  /** A capitalised word ("Mamo"): a name only where the sentence says it is one. */
  Weak = 1,
  /** Camel case, acronym or letters with digits ("ValuePrism", "CLASH", "HelpSteer2"). */
  Strong = 2,
}

const HAS_TWO_CAPITALS = UPPER_INNER; // set when an upper-case letter follows the first character

export class Discoverer {
  constructor(
    private readonly lexicon: Lexicon,
    private readonly vetoes: NotBenchmarks,
  ) {}

  discover(tokens: Tokens, scan: ScanResult, catalogueKeys: (key: string) => boolean): DiscoveredName[] {
    const found = new Map<string, DiscoveredName>();
    const covered = coveredByHits(scan, tokens.length);
    const accept = (first: number, last: number, needed: Strength) => {
      if (first < 0 || last < first) return;
      for (let k = first; k <= last; k++) if (covered[k]) return;
      if (this.strength(tokens, first, last) < needed) return;
      const name = sliceText(tokens, tokens.starts[first]!, tokens.ends[last]!);
      const key = joinedKey(tokens, first, last);
      if (found.has(key) || catalogueKeys(key) || this.isVetoed(tokens, first, key)) return;
      found.set(key, { name, key, first, last });
    };

    for (let i = 0; i < scan.heads.length; i++) {
      const h = scan.heads.items[i]!;
      if (this.modifiesMethod(tokens, h)) continue; // "a dataset distillation method"
      this.nameBeforeHead(tokens, h, accept);
      this.appositiveBeforeHead(tokens, h, accept);
      this.nameAfterHead(tokens, h, accept);
      this.listAfterHead(tokens, h, accept);
    }
    for (let i = 0; i < scan.suffixNames.length; i++) {
      const t = scan.suffixNames.items[i]!;
      const first = this.nameStart(tokens, t);
      const last = this.nameEnd(tokens, t);
      if (tokens.info[first]! & (UPPER_FIRST | HAS_DIGIT)) accept(first, last, Strength.Weak);
    }
    // Catalogue names with more written onto them ("TAPVid-3D", "HumanEval-X") are other benchmarks.
    for (let i = 0; i + 1 < scan.variants.length; i += 2) {
      accept(scan.variants.items[i]!, scan.variants.items[i + 1]!, Strength.Weak);
    }
    for (let i = 0; i < scan.intros.length; i++) this.introducedWithContents(tokens, scan.intros.items[i]!, accept);
    for (let t = scan.abstractStart; t < tokens.length; t++) {
      if (tokens.info[t]! & GAP_SENTENCE) this.sentenceAboutContents(tokens, t, accept);
    }
    this.titleName(tokens, scan.abstractStart, accept);
    // Names listed beside known benchmarks: "on GSM8K, MATH and FooBench-Hard".
    for (const hit of scan.hits) if (hit.confirmed) this.listSiblings(tokens, hit.first, hit.last, accept);
    return [...found.values()].sort((a, b) => a.first - b.first);
  }

  /**
   * "we release X, containing 15,000 annotated dialogues", "we introduce X, which consists of 1.2k
   * problems": a name the paper introduces and describes by what it holds, without the word "dataset".
   */
  private introducedWithContents(tokens: Tokens, verb: number, accept: Accept): void {
    const first = verb + 1;
    if (first >= tokens.length || tokens.info[first]! & GAP_HARD) return;
    const last = this.nameEnd(tokens, first);
    const k = this.afterParenthesis(tokens, last + 1);
    if (k >= tokens.length || !(tokens.info[k]! & GAP_COMMA || /^(which|that)$/.test(tokenKey(tokens, k)))) return;
    if (this.holdsCounted(tokens, k)) accept(first, last, Strength.Weak);
  }

  /** "ValuePrism contains 218k values ...": a sentence that starts with a name and counts its contents. */
  private sentenceAboutContents(tokens: Tokens, first: number, accept: Accept): void {
    if (!(tokens.info[first]! & (UPPER_INNER | CAMEL | HAS_DIGIT))) return;
    const last = this.nameEnd(tokens, first);
    const k = this.afterParenthesis(tokens, last + 1);
    if (k < tokens.length && this.holdsCounted(tokens, k)) accept(first, last, Strength.Strong);
  }

  /** Token k, or the one after a parenthesis that opens at k ("X (Long Name), ..."). */
  private afterParenthesis(tokens: Tokens, k: number): number {
    if (k >= tokens.length || !(tokens.info[k]! & GAP_OPEN_PAREN)) return k;
    const start = k;
    while (k < tokens.length && k < start + 20 && !(tokens.info[k]! & GAP_CLOSE_PAREN)) k++;
    return k;
  }

  /** From token k on: a verb of containing, a number, and what is counted ("comprising 1.2k problems"). */
  private holdsCounted(tokens: Tokens, k: number): boolean {
    const { info } = tokens;
    let verb = -1;
    for (let at = k, end = Math.min(tokens.length, k + 5); at < end && verb < 0; at++) {
      if (at > k && info[at]! & GAP_SENTENCE) return false;
      if (CONTENT_VERBS.has(tokenKey(tokens, at))) verb = at;
    }
    if (verb < 0) return false;
    for (let n = verb + 1, end = Math.min(tokens.length, verb + 5); n < end; n++) {
      if (info[n]! & GAP_SENTENCE) return false;
      if (!(info[n]! & DIGIT_FIRST)) continue; // "1,360", "120k", "1.2K"
      // a number, then within two words what the collection holds
      for (let u = n + 1; u < Math.min(tokens.length, n + 4); u++) {
        if (CONTENT_NOUNS.has(tokenKey(tokens, u))) return true;
      }
      return false;
    }
    return false;
  }

  /** "dataset distillation method", "benchmark-agnostic framework": the dataset word describes a method. */
  private modifiesMethod(tokens: Tokens, h: number): boolean {
    for (let k = h + 1; k < tokens.length && k <= h + 2; k++) {
      if (tokens.info[k]! & GAP_HARD) return false;
      if (this.roles(tokens, k) & METHOD_NOUN) return true;
    }
    return false;
  }

  private isThe(tokens: Tokens, t: number): boolean {
    return tokens.ends[t]! - tokens.starts[t]! === 3 && tokenKey(tokens, t) === 'the';
  }

  /**
   * The other items of a list that holds a catalogue benchmark, when the list is what the sentence
   * evaluates on ("on X, Y and Z", "across X and Y", "including X, Y", "such as X, Y"). Items must end
   * the list or be followed by punctuation, so "on MMLU, and OurMethod improves ..." adds nothing.
   */
  private listSiblings(tokens: Tokens, first: number, last: number, accept: Accept): void {
    const { info } = tokens;
    const items: [number, number][] = [[first, last]];
    // Leftwards: "X, Y and [hit]".
    let start = first;
    for (let n = 0; n < 8; n++) {
      let k = start - 1;
      if (k >= 0 && this.isThe(tokens, k) && !(info[start]! & GAP_HARD)) {
        start = k;
        k--;
      }
      if (k < 0 || info[start]! & GAP_SENTENCE) break;
      if (this.roles(tokens, k) & LIST_JOINER && !(info[start]! & GAP_HARD)) k--; // "Y and X", "Y, and X"
      else if (!(info[start]! & GAP_COMMA)) break; // "Y, X"
      if (k < 0 || !(info[k]! & (UPPER_FIRST | HAS_DIGIT | CAMEL))) break;
      const itemStart = this.nameStart(tokens, k);
      items.unshift([itemStart, k]);
      start = itemStart;
    }
    // The list must follow "on", "across", "including", "as", "like", "over" (skipping "the").
    let intro = start - 1;
    if (intro >= 0 && this.isThe(tokens, intro)) intro--;
    if (intro < 0 || !/^(on|across|including|as|like|over|in)$/.test(tokenKey(tokens, intro))) return;
    // Rightwards: "[hit], Y and Z".
    let end = last;
    for (let n = 0; n < 8; n++) {
      let k = end + 1;
      if (k >= tokens.length || info[k]! & GAP_SENTENCE) break;
      const comma = (info[k]! & GAP_COMMA) !== 0;
      if (this.roles(tokens, k) & LIST_JOINER) k++;
      else if (!comma || info[k]! & (GAP_OPEN_PAREN | GAP_CLOSE_PAREN | GAP_COLON)) break;
      if (k < tokens.length && this.roles(tokens, k) & LIST_JOINER) k++; // ", and"
      if (k < tokens.length && this.isThe(tokens, k)) k++;
      if (k >= tokens.length || !(info[k]! & (UPPER_FIRST | HAS_DIGIT | CAMEL))) break;
      const itemEnd = this.nameEnd(tokens, k);
      items.push([k, itemEnd]);
      end = itemEnd;
    }
    for (const [itemFirst, itemLast] of items) {
      const after = itemLast + 1;
      const closes =
        after >= tokens.length ||
        info[after]! & GAP_HARD ||
        this.roles(tokens, after) & (DATASET_HEAD | LIST_JOINER | CUE_WORD);
      if (closes) accept(itemFirst, itemLast, Strength.Strong);
    }
  }

  private roles(tokens: Tokens, t: number): number {
    return this.lexicon.rolesOf(tokens, t);
  }

  /** First token of the hyphen-joined name that contains token t ("MM-RLHF", "BIG-bench"). */
  private nameStart(tokens: Tokens, t: number): number {
    let first = t;
    while (first > 0 && isJoinedToPrevious(tokens.info[first]!)) first--;
    return first;
  }

  /** Last token of the hyphen-joined name that starts at token t, with a version number ("RewardBench 2"). */
  private nameEnd(tokens: Tokens, t: number): number {
    let last = t;
    while (last + 1 < tokens.length && isJoinedToPrevious(tokens.info[last + 1]!)) last++;
    const next = last + 1;
    if (
      next < tokens.length &&
      (tokens.info[next]! & (GAP_HARD | GAP_LATEX)) === 0 &&
      !(tokens.info[next]! & HAS_ALPHA) &&
      tokens.ends[next]! - tokens.starts[next]! === 1 &&
      // "RewardBench 2," / "RewardBench 2:" but not "ValuePrism 2 times"
      (next + 1 >= tokens.length || tokens.info[next + 1]! & GAP_HARD)
    ) {
      last = next;
    }
    return last;
  }

  private strength(tokens: Tokens, first: number, last: number): Strength {
    const { info } = tokens;
    let strong = false;
    for (let k = first; k <= last; k++) {
      const shape = info[k]!;
      if (k > first && !(shape & UPPER_FIRST) && shape & HAS_LOWER && !(shape & HAS_DIGIT) && !NAME_SUFFIXES.has(tokenKey(tokens, k))) {
        return Strength.None; // "LLM-generated", "pre-training": a phrase, not a name
      }
      if (shape & (CAMEL | HAS_TWO_CAPITALS)) strong = true;
      if (shape & HAS_DIGIT && shape & HAS_ALPHA) strong = true;
    }
    if (!(info[first]! & HAS_ALPHA)) return Strength.None; // "(94.55)"
    if (!(info[first]! & (UPPER_FIRST | HAS_DIGIT)) && !(info[first]! & CAMEL)) return Strength.None;
    if (first === last && this.roles(tokens, first) & FUNCTION_WORD) return Strength.None;
    if (first === last && tokens.ends[first]! - tokens.starts[first]! < 3) return Strength.None; // "QA", "RL"
    if (strong) return Strength.Strong;
    // A capitalised word at the start of a sentence says nothing about being a name.
    // (The title's first word is the exception: "Mamo: a Mathematical Modeling Benchmark".)
    if (first > 0 && info[first]! & GAP_SENTENCE) return Strength.None;
    return Strength.Weak;
  }

  private isVetoed(tokens: Tokens, first: number, key: string): boolean {
    if (this.vetoes.keys.has(key)) return true;
    // A family name alone or followed by a version: "GPT-4o", "Qwen2.5-Math", "Llama-3.1-70B-Instruct";
    // and names that start with a vetoed word: "CC-BY-4.0", "RLHF-Preference".
    const head = tokenKey(tokens, first);
    if (this.vetoes.keys.has(head)) return true;
    const letters = /^[a-z]+/.exec(head)?.[0] ?? '';
    if (this.vetoes.families.has(head)) return true;
    return this.vetoes.families.has(letters) && /^[0-9][0-9a-z]*$/.test(head.slice(letters.length));
  }

  /** "the X benchmark", "X and Y datasets". */
  private nameBeforeHead(tokens: Tokens, h: number, accept: Accept): void {
    let last = h - 1;
    if (last < 0 || tokens.info[h]! & (GAP_HARD | GAP_LATEX)) return;
    for (let items = 0; items < 6 && last >= 0; items++) {
      let first = this.nameStart(tokens, last);
      // Right before the noun a name may have two or three words: "the DQN Replay dataset".
      if (items === 0) first = this.capitalisedWordsBefore(tokens, first);
      accept(first, last, Strength.Strong);
      // Walk back over a list: "X, Y(,) and Z datasets".
      const joiner = first - 1;
      if (tokens.info[first]! & GAP_COMMA) last = first - 1;
      else if (joiner > 0 && this.roles(tokens, joiner) & LIST_JOINER && !(tokens.info[joiner]! & GAP_SENTENCE)) {
        last = joiner - 1;
      } else return;
      if (tokens.info[last + 1]! & GAP_SENTENCE) return;
    }
  }

  /** Start of up to two more capitalised words before token `first` ("DQN Replay"), not "The" or "LLM". */
  private capitalisedWordsBefore(tokens: Tokens, first: number): number {
    const { info } = tokens;
    let start = first;
    for (let words = 0; words < 2; words++) {
      const previous = start - 1;
      if (previous < 0 || (info[start]! & (GAP_HARD | GAP_SPACE | GAP_LATEX)) !== GAP_SPACE) break;
      if (!(info[previous]! & UPPER_FIRST) || this.roles(tokens, previous) & FUNCTION_WORD) break;
      const wordStart = this.nameStart(tokens, previous);
      if (this.vetoes.keys.has(joinedKey(tokens, wordStart, previous))) break;
      start = wordStart;
    }
    return start;
  }

  /** "X, a new benchmark ...", "X (Long Name), a curated dataset", "X is a benchmark", "X as a collection of benchmarks". */
  private appositiveBeforeHead(tokens: Tokens, h: number, accept: Accept): void {
    const { info } = tokens;
    for (let k = h - 1; k >= 0 && k >= h - 10; k--) {
      if (info[k + 1]! & GAP_SENTENCE) return;
      const roles = this.roles(tokens, k);
      if (roles & ARTICLE) {
        let nameLast = k - 1;
        if (nameLast >= 0 && this.roles(tokens, nameLast) & COPULA && !(info[k]! & GAP_HARD)) nameLast--;
        else if (!(info[k]! & (GAP_COMMA | GAP_COLON))) return;
        if (info[k]! & GAP_CLOSE_PAREN) nameLast = this.beforeParenthesis(tokens, k);
        if (nameLast < 0) return;
        const first = this.nameStart(tokens, nameLast);
        const introduced = first > 0 && this.roles(tokens, first - 1) & INTRO_VERB;
        accept(first, nameLast, introduced ? Strength.Weak : Strength.Strong);
        // "We release X and Y, two datasets ...": the other item of a pair before the appositive.
        const joiner = first - 1;
        if (joiner > 0 && this.roles(tokens, joiner) & LIST_JOINER && !(info[first]! & GAP_HARD)) {
          const otherFirst = this.nameStart(tokens, joiner - 1);
          const otherIntroduced = otherFirst > 0 && this.roles(tokens, otherFirst - 1) & INTRO_VERB;
          accept(otherFirst, joiner - 1, otherIntroduced ? Strength.Weak : Strength.Strong);
        }
        return;
      }
      if (roles & PHRASE_STOP) return; // ("of" is no stop: "a collection of seven datasets")
      if (info[k]! & GAP_SENTENCE) return;
    }
  }

  /** Token before the "(" that opens the parenthesis closed right before token k, or -1. */
  private beforeParenthesis(tokens: Tokens, k: number): number {
    for (let m = k - 1; m >= 0 && m >= k - 25; m--) {
      if (tokens.info[m]! & GAP_SENTENCE) return -1;
      if (tokens.info[m]! & GAP_OPEN_PAREN) return m - 1;
    }
    return -1;
  }

  /**
   * "benchmarks, including the popular X, the safety-focused Y, and Z", "datasets such as X, Y and Z",
   * "benchmarks (X, Y)": the names a sentence lists after announcing benchmarks.
   */
  private listAfterHead(tokens: Tokens, h: number, accept: Accept): void {
    const { info } = tokens;
    let k = h + 1;
    if (k >= tokens.length || info[k]! & GAP_SENTENCE) return;
    const word = tokenKey(tokens, k);
    if (word === 'including' || word === 'like' || word === 'namely') k++;
    else if (word === 'such' && k + 1 < tokens.length && tokenKey(tokens, k + 1) === 'as') k += 2;
    else if (word === 'e' && k + 1 < tokens.length && tokenKey(tokens, k + 1) === 'g') k += 2;
    else if (!(info[k]! & GAP_COLON)) return;
    let depth = 0;
    let lastItem = false;
    for (let items = 0; k < tokens.length && items < 12; k++) {
      const gap = info[k]!;
      if (gap & GAP_SENTENCE) return;
      if (gap & GAP_CLOSE_PAREN) depth = Math.max(0, depth - 1);
      if (gap & GAP_OPEN_PAREN) depth++;
      if (depth > 0) continue; // "RewardBench (covering chat, chat-hard, safety ...)": a description
      const roles = this.roles(tokens, k);
      if (roles & PHRASE_STOP && tokenKey(tokens, k) !== 'the') return;
      if (roles & LIST_JOINER) lastItem = true; // "..., and Z": Z ends the list
      if (!(gap & (GAP_SPACE | GAP_HARD)) || !(info[k]! & (UPPER_FIRST | HAS_DIGIT))) continue;
      const last = this.nameEnd(tokens, k);
      accept(k, last, Strength.Strong);
      if (lastItem) return;
      items++;
      k = last;
    }
  }

  /** "a benchmark called X", "a new dataset (X)", "a new benchmark, X, that ...". */
  private nameAfterHead(tokens: Tokens, h: number, accept: Accept): void {
    const { info } = tokens;
    let first = h + 1;
    if (first >= tokens.length) return;
    if (this.roles(tokens, first) & NAMING_WORD && !(info[first]! & GAP_HARD)) {
      first++;
      if (first >= tokens.length) return;
      accept(first, this.nameEnd(tokens, first), Strength.Weak);
      return;
    }
    const gap = info[first]!;
    if (gap & GAP_SENTENCE) return;
    if (gap & GAP_OPEN_PAREN) {
      const last = this.nameEnd(tokens, first);
      if (last + 1 >= tokens.length || info[last + 1]! & GAP_CLOSE_PAREN) accept(first, last, Strength.Weak);
      return;
    }
    if (gap & GAP_COMMA && !(gap & GAP_CLOSE_PAREN)) {
      const last = this.nameEnd(tokens, first);
      const after = last + 1;
      const closes = after >= tokens.length || info[after]! & (GAP_COMMA | GAP_SENTENCE | GAP_OPEN_PAREN);
      if (closes) accept(first, last, Strength.Weak);
      return;
    }
    // "the first large-scale dataset for moral reasoning, named X": the name comes at the end of the phrase.
    for (let k = h + 1; k < tokens.length && k <= h + 12; k++) {
      if (info[k]! & GAP_SENTENCE) return;
      const roles = this.roles(tokens, k);
      if (roles & METHOD_NOUN) return;
      if (roles & NAMING_WORD && k + 1 < tokens.length && !(info[k + 1]! & GAP_SENTENCE)) {
        accept(k + 1, this.nameEnd(tokens, k + 1), Strength.Weak);
        return;
      }
    }
  }

  /** "Mamo: a Mathematical Modeling Benchmark", "CLASH: Evaluating Language Models on ...". */
  private titleName(tokens: Tokens, abstractStart: number, accept: Accept): void {
    const { info } = tokens;
    let colon = -1;
    for (let k = 1; k < Math.min(abstractStart, 6); k++) {
      if (info[k]! & GAP_COLON) {
        colon = k;
        break;
      }
      if (info[k]! & GAP_HARD && !(info[k]! & GAP_HYPHEN)) return;
    }
    if (colon < 0) return;
    let saysBenchmark = false;
    for (let k = colon; k < abstractStart; k++) {
      if (this.roles(tokens, k) & DATASET_HEAD || /^(evaluat|benchmarking)/.test(tokenKey(tokens, k))) {
        saysBenchmark = true;
        break;
      }
    }
    if (!saysBenchmark) return;
    // Only a title that starts with one name: "RewardBench 2: ...", not "Value Kaleidoscope: ...".
    if (this.nameEnd(tokens, 0) !== colon - 1) return;
    accept(0, colon - 1, Strength.Weak);
  }
}

type Accept = (first: number, last: number, needed: Strength) => void;

/** Joined without a space: "MM-RLHF", "BIG-bench", "HelpSteer2-Preference". */
function isJoinedToPrevious(info: number): boolean {
  return (info & (GAP_HARD | GAP_SPACE | GAP_LATEX | GAP_APOSTROPHE | GAP_PERCENT)) === 0;
}

let coveredBuffer = new Uint8Array(1024);
/** Which tokens are part of a catalogue name (a buffer reused across calls). */
function coveredByHits(scan: ScanResult, n: number): Uint8Array {
  if (coveredBuffer.length < n) coveredBuffer = new Uint8Array(n * 2);
  const covered = coveredBuffer;
  covered.fill(0, 0, n);
  for (const hit of scan.hits) for (let k = hit.first; k <= hit.last; k++) covered[k] = 1;
  return covered;
}

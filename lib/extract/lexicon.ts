/**
 * One table from word key to everything the token pass needs to know about that key, so each word of an
 * abstract costs one hash probe: is it (the start of) a catalogue name, the start of a topic phrase, a
 * word that discovery, cue rules or results react to. Keys are looked up by the hash the tokenizer
 * computed while reading the characters (no substring is built), then checked character by character.
 */
import { indexCatalogueSteps, type CatalogueEntry, type CatalogueNode } from './catalogue';
import { eachInSteps, type Steps } from './steps';
import { hash2String, hashString, type Tokens } from './tokenize';

// Roles of a word (bits of `Lexeme.roles`).
/** Head noun of a dataset phrase: "a new benchmark", "the X dataset". */
export const DATASET_HEAD = 1;
/** A word that makes an ambiguous catalogue name (MATH, ARC) count when it is close by. */
export const CUE_WORD = 1 << 1;
/** "on MATH", "the Pile": a cue only right before the name. */
export const CUE_BEFORE = 1 << 2;
/** Words that stop a dataset phrase: "X, a method that ... on three benchmarks" is not a dataset. */
export const PHRASE_STOP = 1 << 3;
/** "called", "named": the next name is what the phrase before defines. */
export const NAMING_WORD = 1 << 4;
/** "a", "an": articles opening an appositive ("X, a dataset of ..."). */
export const ARTICLE = 1 << 5;
/** Words that attach a number to what follows: "94.1 on RewardBench". */
export const RESULT_PREPOSITION = 1 << 6;
/** Metric words that may follow a number: "+5.4% accuracy". */
export const METRIC_WORD = 1 << 7;
/** Ordinary English words that are never a discovered name on their own ("This", "We", "Our"). */
export const FUNCTION_WORD = 1 << 8;
/** "we introduce X", "we present X": a name right after it is what the paper contributes. */
export const INTRO_VERB = 1 << 9;
/** "is", "as": "X is a benchmark", "X as a collection of benchmarks". */
export const COPULA = 1 << 10;
/** Words that join items of a list of names: "X, Y and Z datasets". */
export const LIST_JOINER = 1 << 11;
/** Words that lead into a score: "scores 94.1", "achieves 65%". */
export const RESULT_LEAD_IN = 1 << 12;
/** Cue words strong enough for a name found all in lower case ("results on imagenet"). */
export const STRONG_CUE = 1 << 14;
/** Nouns for methods: "a dataset distillation method" is a method, whatever noun comes before it. */
export const METHOD_NOUN = 1 << 15;
/** "bench" after a hyphen: "Eureka-Bench", "MT-Bench". */
export const BENCH_WORD = 1 << 13;

/** A topic phrase as word ids (see `Lexicon.idOf`). */
export interface PhraseWords {
  ids: Int32Array;
  /** When set, the words exactly as they must be written ("ATE", not "ate"). */
  exact: string[] | null;
}

export interface Lexeme {
  key: string;
  /** Catalogue node for this key (whole name, prefix of one, or both). */
  cat: CatalogueNode | null;
  /**
   * Topic phrases of two or more words that start with this key, by the id of their second word (so a
   * common first word like "reward" only tries the phrases that fit its neighbour), longest first.
   */
  phrases: Map<number, number[]> | null;
  /** Index of the one-word topic phrase that is this key, or -1. */
  single: number;
  /** A one-word phrase that only counts in exact case ("=RM") is under the key -1 of `phrases`. */
  exactSingle: boolean;
  roles: number;
}

const ROLE_WORDS: [number, string][] = [
  [DATASET_HEAD, 'benchmark benchmarks dataset datasets corpus corpora testbed testbeds leaderboard leaderboards test-set testset'],
  [
    CUE_WORD,
    'benchmark benchmarks dataset datasets accuracy accuracies score scores split splits test eval evaluation ' +
      'evaluations evaluated evaluate pass shot shots leaderboard suite corpus performance results sota subset ' +
      'tasks task problems questions em exact match win rate points',
  ],
  [CUE_BEFORE, 'on the from including'],
  [
    STRONG_CUE,
    'benchmark benchmarks dataset datasets accuracy accuracies score scores results performance evaluation ' +
      'evaluated evaluate split splits leaderboard sota corpus',
  ],
  [
    PHRASE_STOP,
    'that which who whose where when while whereas on in for with to across over by from into via using ' +
      'we our this these those it its is are was were be been achieves achieve outperforms outperform improves ' +
      'shows show method methods model models approach approaches framework algorithm technique system ' +
      'architecture pipeline toolkit library strategy paradigm loss objective metric module agent',
  ],
  [NAMING_WORD, 'called named dubbed termed coined entitled'],
  // Articles and counts that open an appositive: "X, a dataset of ...", "X and Y, two datasets of ...".
  [ARTICLE, 'a an two three four five six seven eight nine ten'],
  [
    INTRO_VERB,
    'introduce introduces introduced introducing present presents presented presenting propose proposes proposed ' +
      'construct constructs constructed release releases released curate curates curated build builds built ' +
      'create creates created develop develops developed collect collects collected contribute contributes ' +
      'design designs designed',
  ],
  [COPULA, 'is as'],
  [
    METHOD_NOUN,
    'method methods framework frameworks approach approaches algorithm algorithms technique techniques model ' +
      'models system systems architecture pipeline toolkit library strategy strategies paradigm loss objective ' +
      'metric metrics module mechanism procedure tool tools recipe',
  ],
  [BENCH_WORD, 'bench'],
  [LIST_JOINER, 'and or'],
  [RESULT_PREPOSITION, 'on in for at'],
  [
    RESULT_LEAD_IN,
    'score scores scored scoring achieves achieve achieved achieving reaches reach reached reaching obtains ' +
      'obtain obtained attains attain attained',
  ],
  [
    METRIC_WORD,
    'accuracy accuracies points point score scores f1 auc auroc bleu rouge pass win rate em ndcg mrr map ' +
      'improvement improvements gain gains success exact',
  ],
  [
    FUNCTION_WORD,
    'a an the this that these those we our us it its they their there here in on of for to with by from as at ' +
      'and or but not no yes is are was were be been being has have had do does did can could may might will ' +
      'would should must also more most less least very much many few several each every all any both either ' +
      'neither such than then thus however therefore moreover furthermore finally first second third new novel ' +
      'large small existing prior recent current previous following specifically notably additionally ' +
      'experiments experimental results table figure section appendix code data model models method methods ' +
      'paper work study task tasks benchmark benchmarks dataset datasets evaluation framework approach ' +
      'one two three four five six seven eight nine ten i ii iii iv v vi',
  ],
];

/**
 * Open addressing over the two 32-bit hashes of each key plus its length: a 64-bit fingerprint, so a probe
 * needs no string compare (a false match would take two independent 32-bit collisions on the same length).
 */
/** Flag: the key is a catalogue name or the start of one. */
export const HAS_CATALOGUE = 1;
/** Flag: a topic phrase starts with the key. */
export const HAS_PHRASES = 2;

export class Lexicon {
  readonly lexemes: Lexeme[] = [];
  /** `roles` of each lexeme by id, packed so the token pass reads a small array, not scattered objects. */
  roles = new Int32Array(0);
  /** Per id: HAS_CATALOGUE | HAS_PHRASES (see `seal`). */
  flags = new Uint8Array(0);
  /**
   * Slots of two: the key's first hash, and (id + 1) << 8 | length (0 = empty). Kept small (8 bytes a slot,
   * at most half full) because every word of every abstract probes it: cache misses were the cost here.
   */
  private slots = new Int32Array(0);
  /** Second hash by id, checked only when the first hash and the length match. */
  private secondHashes = new Int32Array(0);
  /**
   * One bit per catalogue key (8 KB): most attempts to join a word with the next one ("the" + "Pile",
   * "in" + "1k") lead nowhere, and this answers them without touching the table.
   */
  private catalogueBits = new Int32Array(2048);
  private mask = 0;
  private shift = 32;
  /** Ids by key while the lexicon is being built (before `seal`). */
  private readonly building = new Map<string, number>();

  /** Id of `key`, added when new (build time). */
  idOf(key: string): number {
    const known = this.building.get(key);
    if (known !== undefined) return known;
    this.lexemes.push({ key, cat: null, phrases: null, single: -1, exactSingle: false, roles: 0 });
    this.building.set(key, this.lexemes.length - 1);
    return this.lexemes.length - 1;
  }

  /** Id of the key with these hashes and length, or -1. */
  probe(hash: number, hash2: number, length: number): number {
    const { slots, mask } = this;
    const packedLength = length > 255 ? 255 : length;
    for (let slot = Math.imul(hash ^ (hash2 >>> 11), 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & mask) {
      const value = slots[(slot << 1) + 1]!;
      if (value === 0) return -1;
      if (slots[slot << 1] === hash && (value & 255) === packedLength) {
        const id = (value >>> 8) - 1;
        if (this.secondHashes[id] === hash2) return id;
      }
    }
  }

  /** False when no catalogue key has these hashes (true may still be a miss). */
  mayBeCatalogueKey(hash: number, hash2: number): boolean {
    const bit = Math.imul(hash ^ hash2, 0x2c1b3c6d) >>> 16;
    return (this.catalogueBits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  /** Roles of token t (its id must have been filled in by the scan). */
  rolesOf(tokens: Tokens, t: number): number {
    const id = tokens.ids[t]!;
    return id < 0 ? 0 : this.roles[id]!;
  }

  /** Builds the lookup table and packs roles and flags (after the last `idOf`), ITEMS_PER_STEP keys a step. */
  *sealSteps(): Steps<void> {
    this.building.clear(); // keys are found by their hashes from now on
    const count = this.lexemes.length;
    let size = 1024;
    while (size < count * 2) size *= 2;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
    this.shift = 32 - Math.log2(size);
    this.secondHashes = new Int32Array(count);
    this.roles = new Int32Array(count);
    this.flags = new Uint8Array(count);
    yield* eachInSteps(this.lexemes, (lexeme, id) => this.insert(lexeme, id));
  }

  private insert({ key, cat, roles, single, phrases }: Lexeme, id: number): void {
    const hash = hashString(key);
    const hash2 = hash2String(key);
    this.secondHashes[id] = hash2;
    if (this.probe(hash, hash2, key.length) >= 0) {
      throw new Error(`lexicon: "${key}" has the same fingerprint as another key`);
    }
    const packedLength = key.length > 255 ? 255 : key.length;
    for (let slot = Math.imul(hash ^ (hash2 >>> 11), 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & this.mask) {
      if (this.slots[(slot << 1) + 1] === 0) {
        this.slots[slot << 1] = hash;
        this.slots[(slot << 1) + 1] = ((id + 1) << 8) | packedLength;
        break;
      }
    }
    if (cat !== null) {
      const bit = Math.imul(hash ^ hash2, 0x2c1b3c6d) >>> 16;
      this.catalogueBits[bit >>> 5]! |= 1 << (bit & 31);
    }
    this.roles[id] = roles;
    this.flags[id] = (cat !== null ? HAS_CATALOGUE : 0) | (single >= 0 || phrases !== null ? HAS_PHRASES : 0);
  }
}

/** Topic phrases as the lexicon needs them: the words of each phrase, by id. */
export interface PhraseSource {
  keys: string[];
  exact: string[] | null;
}

/**
 * The lexicon of the catalogue's names, the topic phrases and the role words, built in steps of
 * ITEMS_PER_STEP names, phrases, words or keys (lib/extract/steps.ts; `finish` runs it at once).
 */
export function* buildLexiconSteps(
  entries: CatalogueEntry[],
  phrases: PhraseSource[],
): Steps<{ lexicon: Lexicon; phraseWords: PhraseWords[] }> {
  const lexicon = new Lexicon();
  yield* indexCatalogueSteps(entries, (key) => {
    const lexeme = lexicon.lexemes[lexicon.idOf(key)]!;
    return (lexeme.cat ??= { entry: -1, minTokens: Infinity, prefix: false });
  });
  const phraseWords: PhraseWords[] = [];
  const firstWords: Lexeme[] = []; // the lexemes that phrases of two or more words start with
  yield* eachInSteps(phrases, (phrase, index) => phraseWords.push(addPhrase(lexicon, phrase, index, firstWords)));
  const longestFirst = (a: number, b: number) => phraseWords[b]!.ids.length - phraseWords[a]!.ids.length;
  yield* eachInSteps(firstWords, (lexeme) => {
    for (const list of lexeme.phrases!.values()) list.sort(longestFirst);
  });
  // Hyphenated role words are written joined ("test-set" is the key "testset").
  const roleWords = ROLE_WORDS.flatMap(([role, words]) => words.split(' ').map((word) => [role, word.replace(/-/g, '')] as const));
  yield* eachInSteps(roleWords, ([role, key]) => {
    lexicon.lexemes[lexicon.idOf(key)]!.roles |= role;
  });
  yield* lexicon.sealSteps();
  return { lexicon, phraseWords };
}

/** Files phrase `index` under its first word (see `Lexeme.phrases`) and returns its words by id. */
function addPhrase(lexicon: Lexicon, phrase: PhraseSource, index: number, firstWords: Lexeme[]): PhraseWords {
  const ids = new Int32Array(phrase.keys.length);
  for (let k = 0; k < ids.length; k++) ids[k] = lexicon.idOf(phrase.keys[k]!);
  const first = lexicon.lexemes[ids[0]!]!;
  if (ids.length === 1 && !phrase.exact) first.single = index;
  else {
    if (first.phrases === null) {
      first.phrases = new Map();
      firstWords.push(first);
    }
    const byNext = first.phrases;
    const second = ids.length > 1 ? ids[1]! : -1; // one-word exact-case phrases ("=RM") wait under -1
    if (second === -1) first.exactSingle = true;
    const list = byNext.get(second);
    if (list) list.push(index);
    else byNext.set(second, [index]);
  }
  return { ids, exact: phrase.exact };
}

/**
 * Extraction of benchmarks, topics and reported results from a paper's title and abstract (issue 3).
 *
 *   extract({ title, abstract }) -> { benchmarks, topics, results }
 *
 * Pure, offline and never throws. The work is one pass over the words (lib/extract/scan.ts) with one hash
 * lookup each; discovery and results only look around the positions that pass recorded.
 */
import { normalizedKey, parseCatalogue, type CatalogueEntry } from './catalogue';
import { benchmarksTsv, notBenchmarksText, topicKeywordsTsv, topicsTsv } from './data';
import { Discoverer, parseNotBenchmarks } from './discover';
import { buildLexicon, CUE_BEFORE, CUE_WORD, type Lexicon } from './lexicon';
import { findResults, type Mention } from './results';
import { scan, type CatalogueHit, type ScanContext, type ScanResult } from './scan';
import { GAP_HARD, GAP_SENTENCE, HAS_ALPHA, sliceText, spellsKey, tokenizeParts, type Tokens } from './tokenize';
import { chooseTopics, parseTopicPhrases, parseTopics, PhraseTopics, TopicEvidence, type Topic } from './topics';
import type { BenchmarkMention, Extraction, ExtractInput, ReportedResult } from './types';

export type * from './types';

/** The topic vocabulary (lib/extract/data/topics.tsv, copied from the shared evaluation set). */
export const TOPICS: readonly Topic[] = parseTopics(topicsTsv);
const TOPIC_LABELS = new Map(TOPICS.map((t) => [t.id, t.label]));

/** The label shown for a topic id; the id itself when it is not in the vocabulary (e.g. saved by an older version). */
export function topicLabel(id: string): string {
  return TOPIC_LABELS.get(id) ?? id;
}

/** Longer texts are cut: an abstract is a few thousand characters, and a page must never stall on one entry. */
export const MAX_INPUT_CHARS = 20_000;

interface Engine extends ScanContext {
  entries: CatalogueEntry[];
  lexicon: Lexicon;
  discoverer: Discoverer;
  catalogueKeys: Set<string>;
  areaTopics: Map<string, number>;
}

// Benchmarks say something about the topic too: a paper evaluated on HumanEval is about code.
const AREA_TOPICS: Record<string, string> = {
  math: 'math-reasoning',
  code: 'code-generation',
  agents: 'agents',
  multimodal: 'multimodal',
  vision: 'computer-vision',
  video: 'computer-vision',
  '3d': 'computer-vision',
  speech: 'speech-audio',
  audio: 'speech-audio',
  rl: 'reinforcement-learning',
  robotics: 'robotics',
  graphs: 'graph-learning',
  'time-series': 'time-series',
  recommendation: 'recommender-systems',
  medicine: 'healthcare',
  qa: 'question-answering',
  retrieval: 'retrieval-augmented',
  safety: 'ai-safety',
  generation: 'generative-models',
};
const AREA_WEIGHT = 2;

let engine: Engine | undefined;

/** Built on first use, so importing this module (for TOPICS) costs nothing. */
function getEngine(): Engine {
  if (engine) return engine;
  const { entries } = parseCatalogue(benchmarksTsv);
  const phrases = parseTopicPhrases(topicKeywordsTsv, TOPICS as Topic[]);
  const { lexicon, phraseWords } = buildLexicon(entries, phrases);
  const catalogueKeys = new Set<string>();
  for (const entry of entries) for (const form of [entry.name, ...entry.aliases]) catalogueKeys.add(normalizedKey(form));
  const topicIndex = new Map(TOPICS.map((t, i) => [t.id, i]));
  const areaTopics = new Map<string, number>();
  for (const [area, topic] of Object.entries(AREA_TOPICS)) {
    const index = topicIndex.get(topic);
    if (index !== undefined) areaTopics.set(area, index);
  }
  engine = {
    entries,
    lexicon,
    phrases,
    phraseWords,
    phraseTopics: new PhraseTopics(phrases),
    evidence: new TopicEvidence(TOPICS.length),
    discoverer: new Discoverer(lexicon, parseNotBenchmarks(notBenchmarksText)),
    catalogueKeys,
    areaTopics,
  };
  return engine;
}

const EMPTY: Extraction = Object.freeze({ benchmarks: [], topics: [], results: [] }) as Extraction;

/** Benchmarks, topics and reported results of one paper. Never throws; bad input gives an empty result. */
export function extract(input: ExtractInput): Extraction {
  try {
    return extractUnguarded(input);
  } catch {
    // A bug must not take a page's badges down with it.
    return { benchmarks: [], topics: [], results: [] };
  }
}

function extractUnguarded(input: ExtractInput): Extraction {
  const title = typeof input?.title === 'string' ? input.title : '';
  const abstract = typeof input?.abstract === 'string' ? input.abstract : '';
  if (!title && !abstract) return { ...EMPTY, benchmarks: [], topics: [], results: [] };
  const context = getEngine();
  const { entries, lexicon, discoverer, catalogueKeys, areaTopics } = context;
  const head = title.length > MAX_INPUT_CHARS ? title.slice(0, MAX_INPUT_CHARS) : title;
  const body = abstract.length + head.length > MAX_INPUT_CHARS ? abstract.slice(0, MAX_INPUT_CHARS - head.length) : abstract;
  // Title and abstract are read as one text with a paragraph break between them.
  const tokens = tokenizeParts([head, body], '\n\n', true, lexicon);
  const found = scan(tokens, head.length + 2, context);
  confirmCues(tokens, found, lexicon);

  const byName = new Map<string, BenchmarkMention>();
  const mentions: Mention[] = [];
  for (const hit of found.hits) {
    if (!hit.confirmed) continue;
    const entry = entries[hit.entry]!;
    const written = sliceText(tokens, tokens.starts[hit.first]!, tokens.ends[hit.last]!);
    mentions.push({ name: entry.name, first: hit.first, last: hit.last });
    const known = byName.get(entry.name);
    if (known) {
      if (!known.matched.includes(written)) known.matched.push(written);
      continue;
    }
    byName.set(entry.name, {
      name: entry.name,
      matched: [written],
      discovered: false,
      area: entry.area,
      ...(entry.url ? { url: entry.url } : {}),
      results: [],
    });
    const topic = areaTopics.get(entry.area);
    if (topic !== undefined) found.evidence.addNamed(topic, AREA_WEIGHT, entry.name);
  }
  const isCatalogued = (key: string) => catalogueKeys.has(key);
  for (const name of discoverer.discover(tokens, found, isCatalogued)) {
    if (byName.has(name.name)) continue;
    byName.set(name.name, { name: name.name, matched: [name.name], discovered: true, results: [] });
    for (const at of occurrences(tokens, name.key, name.first, name.last)) mentions.push({ name: name.name, ...at });
  }
  mentions.sort((a, b) => a.first - b.first);

  const results = findResults(tokens, found.numbers, mentions, lexicon);
  for (const result of results) byName.get(result.benchmark)?.results.push(result);
  const benchmarks = [...byName.values()].sort(
    (a, b) => firstPosition(mentions, a.name) - firstPosition(mentions, b.name),
  );
  return { benchmarks, topics: chooseTopics(found.evidence, TOPICS, tokens, context.phraseTopics), results };
}

function firstPosition(mentions: Mention[], name: string): number {
  for (const m of mentions) if (m.name === name) return m.first;
  return Infinity;
}

/** Every place a discovered name occurs (for results), starting with the one discovery saw. */
function occurrences(tokens: Tokens, key: string, first: number, last: number): { first: number; last: number }[] {
  const out = [{ first, last }];
  const width = last - first;
  for (let t = 0; t + width < tokens.length; t++) {
    if (t !== first && tokens.hashes[t] === tokens.hashes[first] && spellsKey(tokens, t, t + width, key)) {
      out.push({ first: t, last: t + width });
    }
  }
  return out;
}

/**
 * "MATH", "ARC", "Spider" count only with a cue close by: a number, a word like "benchmark" or "accuracy"
 * in the same sentence within a few words, "on"/"the" right before, or another benchmark in the same list.
 */
function confirmCues(tokens: Tokens, found: ScanResult, lexicon: Lexicon): void {
  const { hits } = found;
  for (const hit of hits) {
    if (hit.confirmed) continue;
    hit.confirmed = hasCue(tokens, hit, hits, lexicon);
  }
}

const CUE_WINDOW = 5;
const NEIGHBOUR_WINDOW = 8;

function hasCue(tokens: Tokens, hit: CatalogueHit, hits: CatalogueHit[], lexicon: Lexicon): boolean {
  const { info } = tokens;
  const before = hit.first - 1;
  if (before >= 0 && !(info[hit.first]! & GAP_HARD) && lexicon.rolesOf(tokens, before) & CUE_BEFORE) {
    return true;
  }
  const sentenceStart = (() => {
    let k = hit.first;
    while (k > 0 && !(info[k]! & GAP_SENTENCE)) k--;
    return k;
  })();
  for (let k = hit.first - 1; k >= Math.max(sentenceStart, hit.first - CUE_WINDOW); k--) {
    if (isCueToken(tokens, k, lexicon)) return true;
  }
  for (let k = hit.last + 1; k < tokens.length && k <= hit.last + CUE_WINDOW; k++) {
    if (info[k]! & GAP_SENTENCE) break;
    if (isCueToken(tokens, k, lexicon)) return true;
  }
  for (const other of hits) {
    if (other === hit || other.entry === hit.entry) continue;
    const distance = other.first > hit.last ? other.first - hit.last : hit.first - other.last;
    if (distance > 0 && distance <= NEIGHBOUR_WINDOW && !crossesSentence(tokens, hit, other)) return true;
  }
  return false;
}

function isCueToken(tokens: Tokens, k: number, lexicon: Lexicon): boolean {
  if (!(tokens.info[k]! & HAS_ALPHA)) return true; // a number
  return (lexicon.rolesOf(tokens, k) & CUE_WORD) !== 0;
}

function crossesSentence(tokens: Tokens, a: CatalogueHit, b: CatalogueHit): boolean {
  const from = Math.min(a.last, b.last);
  const to = Math.max(a.first, b.first);
  for (let k = from + 1; k <= to; k++) if (tokens.info[k]! & GAP_SENTENCE) return true;
  return false;
}

export type { ReportedResult };

/**
 * Extraction of benchmarks, topics and reported results from a paper's title and abstract (issue 3).
 *
 *   extract({ title, abstract }) -> { benchmarks, topics, results }
 *
 * Pure, offline and never throws. The work is one pass over the words (lib/extract/scan.ts) with one hash
 * lookup each; discovery and results only look around the positions that pass recorded.
 *
 * The tables behind that pass are built once per page: by the first `extract`, by `warmUp()` in one call,
 * or by `await prepareExtractor()` in slices that keep the page responsive (issue 4).
 */
import { parseCatalogueSteps, type CatalogueEntry } from './catalogue';
import { benchmarksTsv, notBenchmarksText, topicKeywordsTsv, topicsTsv } from './data';
import { Discoverer, parseNotBenchmarksSteps } from './discover';
import { confirmCues } from './cues';
import { buildLexiconSteps, type Lexicon } from './lexicon';
import { findResults, type Mention } from './results';
import { scan, type ScanContext } from './scan';
import { eachInSteps, finish, runInSlices, type SliceOptions, type Steps } from './steps';
import { sliceText, spellsKey, tokenizeParts, type Tokens } from './tokenize';
import { chooseTopics, parseTopicPhrasesSteps, parseTopics, PhraseTopics, TopicEvidence, type Topic } from './topics';
import type { BenchmarkMention, Extraction, ExtractInput } from './types';

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
/** The build `prepareExtractor` is running in slices; `getEngine` finishes it when an extraction comes first. */
let building: Steps<Engine> | undefined;
let preparing: Promise<void> | undefined;

/** Built on first use, so importing this module (for TOPICS) costs nothing. */
function getEngine(): Engine {
  if (engine) return engine;
  const steps = building ?? buildEngine();
  building = undefined; // a build that throws starts over next time
  engine = finish(steps);
  return engine;
}

/** One step of the build (see lib/extract/steps.ts); true once the engine is ready. */
function buildStep(): boolean {
  if (engine) return true;
  building ??= buildEngine();
  let step: IteratorResult<number, Engine>;
  try {
    step = building.next();
  } catch (error) {
    building = undefined;
    throw error;
  }
  if (!step.done) return false;
  engine = step.value;
  building = undefined;
  return true;
}

function* buildEngine(): Steps<Engine> {
  const { entries } = yield* parseCatalogueSteps(benchmarksTsv);
  const phrases = yield* parseTopicPhrasesSteps(topicKeywordsTsv, TOPICS);
  const { lexicon, phraseWords } = yield* buildLexiconSteps(entries, phrases);
  // Every whole name or alias, by key (discovery leaves those to the catalogue).
  const catalogueKeys = new Set<string>();
  yield* eachInSteps(lexicon.lexemes, (lexeme) => {
    if (lexeme.cat !== null && lexeme.cat.entry >= 0) catalogueKeys.add(lexeme.key);
  });
  const phraseTopics = yield* PhraseTopics.build(phrases);
  const notBenchmarks = yield* parseNotBenchmarksSteps(notBenchmarksText);
  const topicIndex = new Map(TOPICS.map((t, i) => [t.id, i]));
  const areaTopics = new Map<string, number>();
  for (const [area, topic] of Object.entries(AREA_TOPICS)) {
    const index = topicIndex.get(topic);
    if (index !== undefined) areaTopics.set(area, index);
  }
  return {
    entries,
    lexicon,
    phrases,
    phraseWords,
    phraseTopics,
    evidence: new TopicEvidence(TOPICS.length),
    discoverer: new Discoverer(lexicon, notBenchmarks),
    catalogueKeys,
    areaTopics,
  };
}

/**
 * Builds the extractor's tables now (tens of ms, once per page) instead of inside the first `extract`
 * call, in one synchronous task. A content script should rather `await prepareExtractor()`.
 */
export function warmUp(): void {
  try {
    getEngine();
  } catch {
    // extract() reports nothing rather than throwing; warming up must not throw either
  }
}

export type PrepareOptions = SliceOptions;

/**
 * Builds the extractor's tables in slices of about `budgetMs` (default 8 ms) of work, handing the main
 * thread back between slices (`yieldToMain`, default `scheduler.yield()` or a macrotask), so that no task
 * on the page grows long (issue 4). The first slice runs before this returns. Resolves once the tables
 * are ready (never rejects: if they cannot be built, `extract` reports nothing, as it would anyway).
 *
 * Calls while a build runs share it (with the first call's options); `extract` called meanwhile still
 * works: it finishes the build at once.
 */
export function prepareExtractor(options: PrepareOptions = {}): Promise<void> {
  if (engine) return Promise.resolve();
  preparing ??= runInSlices(buildStep, options)
    .catch(() => {
      // as in warmUp: a broken build shows as empty extractions, not as an error on the page
    })
    .finally(() => {
      preparing = undefined;
    });
  return preparing;
}

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
  if (!title && !abstract) return { benchmarks: [], topics: [], results: [] };
  const context = getEngine();
  const { entries, lexicon, discoverer, catalogueKeys, areaTopics } = context;
  const head = title.length > MAX_INPUT_CHARS ? title.slice(0, MAX_INPUT_CHARS) : title;
  const body = abstract.length + head.length > MAX_INPUT_CHARS ? abstract.slice(0, MAX_INPUT_CHARS - head.length) : abstract;
  // Title and abstract are read as one text with a paragraph break between them.
  const tokens = tokenizeParts([head, body], '\n\n', true, lexicon);
  const capsTitle = !/[a-z]/.test(head) && /[A-Z]{2}/.test(head);
  const found = scan(tokens, head.length + 2, context, capsTitle);
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

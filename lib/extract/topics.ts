/**
 * Topics: the vocabulary of topics.tsv and the keyword phrases of topic-keywords.tsv that support them.
 * Phrases are matched on word keys during the one token pass (lib/extract/scan.ts); this module parses
 * the data and turns the collected evidence into at most four topics.
 */
import { eachInSteps, ITEMS_PER_STEP, type Steps } from './steps';
import { sliceText, wordsOf, type Tokens } from './tokenize';
import type { TopicMention } from './types';

export interface Topic {
  id: string;
  label: string;
  scope: string;
}

/** One keyword phrase: its word keys and what it says for which topics. */
export interface TopicPhrase {
  keys: string[];
  /** When set, the words as they must be written ("ATE", not "ate"). */
  exact: string[] | null;
  topics: number[];
  weights: number[];
}

export function parseTopics(tsv: string): Topic[] {
  const topics: Topic[] = [];
  for (const line of tsv.split('\n').slice(1)) {
    const [id, label, scope] = line.replace(/\r$/, '').split('\t');
    if (id && label) topics.push({ id, label, scope: scope ?? '' });
  }
  return topics;
}

/** Last word in the plural, so each phrase needs listing once ("reward model" -> "reward models"). */
function pluralOf(word: string): string | null {
  const last = word.charCodeAt(word.length - 1);
  if (word.length < 3 || (last >= 48 && last <= 57) || last === 115 /* s */) return null;
  if (last === 121 /* y */ && !'aeiou'.includes(word[word.length - 2]!)) return `${word.slice(0, -1)}ies`;
  if (last === 120 /* x */ || word.endsWith('ch') || word.endsWith('sh')) return `${word}es`;
  return `${word}s`;
}

/** The phrases of topic-keywords.tsv, parsed in steps of ITEMS_PER_STEP phrases (lib/extract/steps.ts). */
export function* parseTopicPhrasesSteps(tsv: string, topics: readonly Topic[]): Steps<TopicPhrase[]> {
  const topicIndex = new Map(topics.map((t, i) => [t.id, i]));
  const byForm = new Map<string, TopicPhrase>();
  const add = (entry: string, topic: number, weight: number) => {
    const exactCase = entry.startsWith('=');
    const form = exactCase ? entry.slice(1) : entry;
    const { keys, written } = wordsOf(form);
    if (keys.length === 0) return;
    const exact = exactCase ? written : null;
    const id = exact ? `=${exact.join(' ')}` : keys.join(' ');
    let phrase = byForm.get(id);
    if (!phrase) {
      phrase = { keys, exact, topics: [], weights: [] };
      byForm.set(id, phrase);
    }
    const existing = phrase.topics.indexOf(topic);
    if (existing >= 0) phrase.weights[existing] = Math.max(phrase.weights[existing]!, weight);
    else {
      phrase.topics.push(topic);
      phrase.weights.push(weight);
    }
  };
  let inStep = 0;
  for (const line of tsv.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [id, weightText, phrases] = (line.endsWith('\r') ? line.slice(0, -1) : line).split('\t');
    const topic = topicIndex.get(id ?? '');
    if (topic === undefined || !phrases) continue;
    const weight = Number(weightText);
    for (const written of phrases.split('|')) {
      const trimmed = written.trim();
      if (!trimmed) continue;
      add(trimmed, topic, weight);
      const lastWord = trimmed.lastIndexOf(' ') + 1;
      const plural = pluralOf(trimmed.slice(lastWord));
      if (plural && !written.startsWith('=')) add(trimmed.slice(0, lastWord) + plural, topic, weight);
      if (++inStep === ITEMS_PER_STEP) {
        yield inStep;
        inStep = 0;
      }
    }
  }
  if (inStep > 0) yield inStep;
  return [...byForm.values()];
}

/** Title words count this much more than abstract words: a title names the subject. */
export const TITLE_FACTOR = 3;

/**
 * The topics and weights of every phrase, flattened into typed arrays: the token pass counts a phrase for
 * a handful of topics per word, and reading scattered objects there cost more than the counting.
 */
export class PhraseTopics {
  /** Per phrase: the call it was last seen in, and how often in that call (for diminishing returns). */
  private readonly seenInCall: Int32Array;
  private readonly count: Int32Array;

  /** Phrase i's topics and weights are at first[i] .. first[i + 1] - 1 of `topics` and `weights`. */
  private constructor(
    private readonly first: Int32Array,
    private readonly topics: Int32Array,
    private readonly weights: Float64Array,
  ) {
    this.seenInCall = new Int32Array(first.length - 1).fill(-1);
    this.count = new Int32Array(first.length - 1);
  }

  /** The table for `phrases`, built in steps of ITEMS_PER_STEP phrases (lib/extract/steps.ts). */
  static *build(phrases: TopicPhrase[]): Steps<PhraseTopics> {
    let total = 0;
    for (const phrase of phrases) total += phrase.topics.length;
    const first = new Int32Array(phrases.length + 1);
    const topics = new Int32Array(total);
    const weights = new Float64Array(total);
    let at = 0;
    yield* eachInSteps(phrases, (phrase, i) => {
      first[i] = at;
      for (let k = 0; k < phrase.topics.length; k++) {
        topics[at] = phrase.topics[k]!;
        weights[at] = phrase.weights[k]!;
        at++;
      }
    });
    first[phrases.length] = at;
    return new PhraseTopics(first, topics, weights);
  }

  /** Counts one occurrence of phrase `index` (text `start..end`); the k-th repeat in a paper counts 1/k. */
  countPhrase(index: number, start: number, end: number, inTitle: boolean, call: number, evidence: TopicEvidence): void {
    if (this.seenInCall[index] !== call) {
      this.seenInCall[index] = call;
      this.count[index] = 0;
    }
    const repeat = ++this.count[index]!;
    const factor = (inTitle ? TITLE_FACTOR : 1) / Math.sqrt(repeat);
    const { scores } = evidence;
    let counted = false;
    for (let k = this.first[index]!, end_ = this.first[index + 1]!; k < end_; k++) {
      const weight = this.weights[k]!;
      if (weight <= 0) continue;
      const topic = this.topics[k]!;
      scores[topic] = scores[topic]! + weight * factor;
      if (inTitle && weight > evidence.titleWeights[topic]!) evidence.titleWeights[topic] = weight;
      counted = true;
    }
    if (counted) evidence.addSpan(index, start, end);
  }

  hasTopic(index: number, topic: number): boolean {
    for (let k = this.first[index]!, end = this.first[index + 1]!; k < end; k++) {
      if (this.topics[k] === topic && this.weights[k]! > 0) return true;
    }
    return false;
  }
}

/**
 * Evidence gathered for one paper: a score per topic, and where the phrases that scored are. Trigger
 * strings are only cut out of the text for the topics that end up chosen. One instance is reused.
 */
export class TopicEvidence {
  readonly scores: Float64Array;
  /** Per topic: the weight of the strongest phrase for it in the title (the title names the subject). */
  readonly titleWeights: Float64Array;
  /** Flat (phrase, start, end) triples. */
  private spans = new Int32Array(3 * 256);
  private spanCount = 0;
  /** Triggers that are not spans of the text (benchmark names that imply a topic). */
  private named: [number, string][] = [];

  constructor(size: number) {
    this.scores = new Float64Array(size);
    this.titleWeights = new Float64Array(size);
  }

  reset(): void {
    this.scores.fill(0);
    this.titleWeights.fill(0);
    this.spanCount = 0;
    if (this.named.length) this.named = [];
  }

  addSpan(phrase: number, start: number, end: number): void {
    if (this.spanCount + 3 > this.spans.length) {
      const grown = new Int32Array(this.spans.length * 2);
      grown.set(this.spans);
      this.spans = grown;
    }
    this.spans[this.spanCount++] = phrase;
    this.spans[this.spanCount++] = start;
    this.spans[this.spanCount++] = end;
  }

  addNamed(topic: number, amount: number, trigger: string): void {
    if (amount <= 0) return;
    this.scores[topic] = this.scores[topic]! + amount;
    this.named.push([topic, trigger]);
  }

  triggersOf(topic: number, tokens: Tokens, phrases: PhraseTopics): string[] {
    const triggers: string[] = [];
    const add = (trigger: string) => {
      if (triggers.length < 8 && !triggers.includes(trigger)) triggers.push(trigger);
    };
    for (let i = 0; i < this.spanCount && triggers.length < 8; i += 3) {
      if (phrases.hasTopic(this.spans[i]!, topic)) add(sliceText(tokens, this.spans[i + 1]!, this.spans[i + 2]!));
    }
    for (const [t, trigger] of this.named) if (t === topic) add(trigger);
    return triggers;
  }
}

// Selection: the strongest topic needs real support; others must be close to it. Tuned on dev.jsonl with
// general vocabulary only (see the README section on the extractor).
const MIN_TOP_SCORE = 4;
const MIN_OTHER_SCORE = 10;
const OTHER_RATIO = 0.35;
const MAX_TOPICS = 4;
/** A phrase of this weight in the title puts its topic in, however strong the first topic is. */
const TITLE_NAMES_TOPIC = 3;

export function chooseTopics(
  evidence: TopicEvidence,
  topics: readonly Topic[],
  tokens: Tokens,
  phrases: PhraseTopics,
): TopicMention[] {
  const { scores } = evidence;
  // Up to MAX_TOPICS best scores, by insertion into a short sorted list (no sort of all topics per paper).
  const best: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i]!;
    if (score <= 0) continue;
    let at = best.length;
    while (at > 0 && scores[best[at - 1]!]! < score) at--;
    if (at < MAX_TOPICS) {
      best.splice(at, 0, i);
      if (best.length > MAX_TOPICS) best.pop();
    }
  }
  const top = best.length ? scores[best[0]!]! : 0;
  if (top < MIN_TOP_SCORE) return [];
  const chosen: TopicMention[] = [];
  for (const i of best) {
    const score = scores[i]!;
    // Close to the strongest topic, or named in the title by a strong phrase ("... in Mathematical Reasoning").
    const close = score >= OTHER_RATIO * top || evidence.titleWeights[i]! >= TITLE_NAMES_TOPIC;
    if (chosen.length > 0 && (score < MIN_OTHER_SCORE || !close)) continue;
    chosen.push({ id: topics[i]!.id, label: topics[i]!.label, triggers: evidence.triggersOf(i, tokens, phrases), score });
  }
  return chosen;
}

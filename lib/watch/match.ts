/**
 * Watch rules × one paper → which rules match and why. Pure: the content script runs it on every entry of
 * a listing (lib/content/features/watch), so the rules are compiled once (`compileWatchRules`) and each
 * entry costs one folding of its text plus one cheap test per rule (2,000 entries × 20 rules: a few tens
 * of milliseconds, see tests/unit/watch/match.test.ts).
 */
import type { Extraction } from '../extract/types';
import type { PaperEntry } from '../paper';
import { authorRule, matchAuthor, type AuthorRule } from './authors';
import { foldText, foldWords } from './fold';
import { compileWatchRegex, MAX_WATCH_TEXT, type WatchRegex } from './regex';
import type { WatchRule } from './rules';

export interface WatchInput {
  paper: Pick<PaperEntry, 'title' | 'abstract' | 'authors'>;
  extraction: Pick<Extraction, 'benchmarks' | 'topics'>;
}

export interface WatchMatch {
  /** Ids of the rules that matched, in the order of the rules. */
  ruleIds: string[];
  /** One line per matched rule, for people: `keyword “diffusion”`, `author “Yann LeCun” (Y. LeCun)`. */
  reasons: string[];
}

/** A rule that is on but cannot run (a bad regular expression, a keyword of punctuation only). */
export interface RuleProblem {
  ruleId: string;
  message: string;
}

export interface WatchMatcher {
  /** Rules that can run. */
  readonly size: number;
  readonly problems: readonly RuleProblem[];
  /** The rules `input` matches, or undefined when none does. Never throws. */
  match(input: WatchInput): WatchMatch | undefined;
}

/** What one rule needs from the entry, prepared once per entry and shared by all rules. */
interface Prepared {
  input: WatchInput;
  folded(): string;
  rawText(): string;
  authorWords(): string[][];
}

type Test = (entry: Prepared) => string | undefined;

export function compileWatchRules(rules: readonly WatchRule[]): WatchMatcher {
  const problems: RuleProblem[] = [];
  const tests: { id: string; test: Test }[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const compiled = compileRule(rule);
    if (typeof compiled === 'string') problems.push({ ruleId: rule.id, message: compiled });
    else tests.push({ id: rule.id, test: compiled });
  }
  return {
    size: tests.length,
    problems,
    match(input) {
      if (tests.length === 0) return undefined;
      const entry = prepare(input);
      const ruleIds: string[] = [];
      const reasons: string[] = [];
      for (const { id, test } of tests) {
        let reason: string | undefined;
        try {
          reason = test(entry);
        } catch {
          reason = undefined; // a rule must never take the page's annotations down
        }
        if (reason !== undefined) {
          ruleIds.push(id);
          reasons.push(reason);
        }
      }
      return ruleIds.length > 0 ? { ruleIds, reasons } : undefined;
    },
  };
}

/** Check one rule as the options page does: undefined when it can run, else why not. */
export function ruleProblem(rule: Pick<WatchRule, 'kind' | 'value'>): string | undefined {
  const compiled = compileRule({ ...rule, id: '', enabled: true });
  return typeof compiled === 'string' ? compiled : undefined;
}

/** A test for the rule, or a message saying why it cannot run. */
function compileRule(rule: WatchRule): Test | string {
  switch (rule.kind) {
    case 'keyword':
      return keywordTest(rule.value);
    case 'regex': {
      const compiled = compileWatchRegex(rule.value);
      return compiled.ok ? regexTest(rule.value, compiled.regex) : compiled.message;
    }
    case 'author': {
      const author = authorRule(rule.value);
      return author ? authorTest(rule.value, author) : 'Type a name with at least one letter.';
    }
    case 'benchmark':
      return benchmarkTest(rule.value);
    case 'topic':
      return topicTest(rule.value);
  }
}

function keywordTest(value: string): Test | string {
  // "RL" in quotes: that exact word only; otherwise words starting with the keyword.
  const quoted = /^"(.+)"$/.exec(value.trim());
  const phrase = foldText(quoted ? quoted[1]! : value).trimEnd();
  if (phrase.trim().length === 0) return 'A keyword needs at least one letter or digit.';
  const needle = quoted ? `${phrase} ` : phrase;
  const reason = `keyword “${value}”`;
  return (entry) => (entry.folded().includes(needle) ? reason : undefined);
}

function regexTest(value: string, regex: WatchRegex): Test {
  return (entry) => {
    const found = regex.firstMatch(entry.rawText());
    return found === undefined ? undefined : `regex /${value}/ matched “${found}”`;
  };
}

function authorTest(value: string, rule: AuthorRule): Test {
  return (entry) => {
    const name = matchAuthor(rule, entry.input.paper.authors, entry.authorWords());
    if (name === undefined) return undefined;
    return foldText(name) === foldText(value) ? `author “${name}”` : `author “${value}” (${name})`;
  };
}

/** Benchmark names compare without case, spaces and punctuation: "SWE bench" = "SWE-bench" = "swebench". */
function benchmarkKey(name: string): string {
  return foldText(name).replace(/ /g, '');
}

function benchmarkTest(value: string): Test | string {
  const key = benchmarkKey(value);
  if (!key) return 'A benchmark needs at least one letter or digit.';
  // Also as written in the text: the catalogue may not know the benchmark, or the extractor may not be sure.
  const phrase = foldText(value);
  const reason = `benchmark “${value}”`;
  return (entry) => {
    const named = entry.input.extraction.benchmarks.find((benchmark) => benchmarkKey(benchmark.name) === key);
    if (named) return `benchmark “${named.name}”`;
    return entry.folded().includes(phrase) ? reason : undefined;
  };
}

function topicTest(value: string): Test | string {
  const id = value.trim().toLowerCase();
  if (!/^[a-z0-9-]+$/.test(id)) return 'Choose a topic from the list.';
  return (entry) => {
    const topic = entry.input.extraction.topics.find((candidate) => candidate.id === id);
    return topic ? `topic “${topic.label || topic.id}”` : undefined;
  };
}

function prepare(input: WatchInput): Prepared {
  let folded: string | undefined;
  let raw: string | undefined;
  let authors: string[][] | undefined;
  return {
    input,
    rawText: () => (raw ??= cap(`${input.paper.title}\n${input.paper.abstract}`)),
    folded: () => (folded ??= foldText(cap(`${input.paper.title}\n${input.paper.abstract}`))),
    authorWords: () => (authors ??= input.paper.authors.map(foldWords)),
  };
}

function cap(text: string): string {
  return text.length > MAX_WATCH_TEXT ? text.slice(0, MAX_WATCH_TEXT) : text;
}

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Extraction } from '../../../lib/extract';
import { parseCatalogueSteps } from '../../../lib/extract/catalogue';
import { benchmarksTsv, notBenchmarksText, topicKeywordsTsv } from '../../../lib/extract/data';
import { parseNotBenchmarksSteps } from '../../../lib/extract/discover';
import { buildLexiconSteps, Lexicon } from '../../../lib/extract/lexicon';
import { finish, ITEMS_PER_STEP, type Steps } from '../../../lib/extract/steps';
import { parseTopicPhrasesSteps, parseTopics, PhraseTopics } from '../../../lib/extract/topics';
import { topicsTsv } from '../../../lib/extract/data';

// prepareExtractor (issue 4): the extractor's tables built in slices between which the page gets the main
// thread back. Every test takes a fresh copy of lib/extract (tables not built yet) and a fake clock that
// advances 1 ms each time it is read: the driver reads it once per step, so a slice of 8 ms is 8 steps.
// No assertion here depends on how fast this machine is.

interface Paper {
  title: string;
  abstract: string;
}
const dev: Paper[] = readFileSync(new URL('../../fixtures/eval/dev.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line));

/** A copy of lib/extract with nothing built yet, and the Lexicon class that copy builds with. */
async function freshExtractor() {
  vi.resetModules();
  const extractor = await import('../../../lib/extract');
  const { Lexicon: FreshLexicon } = await import('../../../lib/extract/lexicon');
  return { extractor, seal: vi.spyOn(FreshLexicon.prototype, 'sealSteps') };
}

/** A clock that advances 1 ms per reading, and what was read between two yields. */
function tickingClock() {
  let time = 0;
  const slices: number[] = [0]; // readings per slice
  const now = vi.fn(() => {
    slices[slices.length - 1]!++;
    return ++time;
  });
  const yieldToMain = vi.fn(async () => {
    slices.push(0);
  });
  return { now, yieldToMain, slices };
}

let expected: Extraction[];
beforeAll(async () => {
  // The reference: the tables built in one synchronous call, as before prepareExtractor existed.
  const { extractor } = await freshExtractor();
  extractor.warmUp();
  expected = dev.map((paper) => extractor.extract(paper));
  expect(expected.some((x) => x.benchmarks.length > 0 && x.topics.length > 0)).toBe(true);
});

describe('prepareExtractor', () => {
  it('gives exactly the results of the synchronous build on every paper of the dev set', async () => {
    const { extractor, seal } = await freshExtractor();
    const clock = tickingClock();
    await extractor.prepareExtractor({ budgetMs: 8, now: clock.now, yieldToMain: clock.yieldToMain });
    expect(clock.yieldToMain.mock.calls.length).toBeGreaterThan(20); // really built in slices
    const readings = clock.now.mock.calls.length;
    expect(dev.map((paper) => extractor.extract(paper))).toEqual(expected);
    expect(clock.now).toHaveBeenCalledTimes(readings); // extract found the tables ready ...
    expect(seal).toHaveBeenCalledTimes(1); // ... and did not build them again
  });

  it('runs at most budgetMs of steps per slice, in steps of bounded work', async () => {
    const { extractor } = await freshExtractor();
    const clock = tickingClock();
    await extractor.prepareExtractor({ budgetMs: 8, now: clock.now, yieldToMain: clock.yieldToMain });
    // One reading starts a slice and one follows each step: 8 ms is 8 steps, and the whole build is
    // hundreds of steps (what a step may hold is checked below, per table).
    const stepsPerSlice = clock.slices.map((readings) => readings - 1);
    expect(Math.max(...stepsPerSlice)).toBe(8);
    expect(stepsPerSlice.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(300);
  });

  it('shares one build between concurrent calls', async () => {
    const { extractor, seal } = await freshExtractor();
    const first = tickingClock();
    const second = tickingClock();
    const one = extractor.prepareExtractor({ now: first.now, yieldToMain: first.yieldToMain });
    const two = extractor.prepareExtractor({ now: second.now, yieldToMain: second.yieldToMain });
    await Promise.all([one, two]);
    expect(first.yieldToMain).toHaveBeenCalled();
    expect(second.now).not.toHaveBeenCalled(); // the second call waited for the first one's build
    expect(seal).toHaveBeenCalledTimes(1);
    const later = tickingClock();
    await extractor.prepareExtractor({ now: later.now, yieldToMain: later.yieldToMain });
    expect(later.now).not.toHaveBeenCalled(); // built already: nothing to do
    expect(extractor.extract(dev[0]!)).toEqual(expected[0]);
  });

  it('lets extract() run during the build: it finishes the same build at once', async () => {
    const { extractor, seal } = await freshExtractor();
    const clock = tickingClock();
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    // Hold the build at the first yield after the lexicon began sealing (late in the build).
    const yieldToMain = vi.fn(() => (seal.mock.calls.length > 0 ? paused : Promise.resolve()));
    const prepared = extractor.prepareExtractor({ now: clock.now, yieldToMain });
    await vi.waitFor(() => expect(seal).toHaveBeenCalled());
    const yieldsBefore = yieldToMain.mock.calls.length;

    expect(dev.map((paper) => extractor.extract(paper))).toEqual(expected);
    expect(seal).toHaveBeenCalledTimes(1); // the half-built tables were finished, not built again

    const readings = clock.now.mock.calls.length;
    release();
    await prepared;
    expect(clock.now.mock.calls.length - readings).toBe(1); // one slice start, then "ready"
    expect(yieldToMain).toHaveBeenCalledTimes(yieldsBefore);
  });

  it('leaves warmUp() synchronous; a prepare after it has nothing to do', async () => {
    const { extractor, seal } = await freshExtractor();
    extractor.warmUp();
    expect(seal).toHaveBeenCalledTimes(1);
    const clock = tickingClock();
    await extractor.prepareExtractor({ now: clock.now, yieldToMain: clock.yieldToMain });
    expect(clock.now).not.toHaveBeenCalled();
    expect(extractor.extract(dev[1]!)).toEqual(expected[1]);
  });

  it('resolves when the tables cannot be built, and extract() then reports nothing instead of throwing', async () => {
    const { extractor, seal } = await freshExtractor();
    seal.mockImplementation(() => {
      throw new Error('broken table');
    });
    const clock = tickingClock();
    await expect(extractor.prepareExtractor({ now: clock.now, yieldToMain: clock.yieldToMain })).resolves.toBeUndefined();
    expect(extractor.extract(dev[0]!)).toEqual({ benchmarks: [], topics: [], results: [] });
    seal.mockRestore();
    // Nothing broken is kept: the next call builds the tables from the start.
    await extractor.prepareExtractor({ now: clock.now, yieldToMain: clock.yieldToMain });
    expect(extractor.extract(dev[0]!)).toEqual(expected[0]);
  });

  it('starts on its own: the default clock and yield (MessageChannel in Node) finish the build', async () => {
    const { extractor } = await freshExtractor();
    await extractor.prepareExtractor({ budgetMs: 2 });
    expect(extractor.extract(dev[2]!)).toEqual(expected[2]);
  });
});

// What one step may hold: ITEMS_PER_STEP lines, names, phrases or keys, each a bounded amount of work.
describe('the build steps of each table', () => {
  /** Runs `steps` to the end, calling `measure` after each step; returns the items each step reported. */
  function drive<T>(steps: Steps<T>, measure: () => void = () => {}): { items: number[]; result: T } {
    const items: number[] = [];
    for (;;) {
      const step = steps.next();
      measure();
      if (step.done) return { items, result: step.value };
      items.push(step.value);
    }
  }

  const expectSmallSteps = (items: number[], total: number) => {
    expect(Math.max(...items)).toBeLessThanOrEqual(ITEMS_PER_STEP);
    expect(Math.min(...items)).toBeGreaterThan(0);
    expect(items.reduce((sum, n) => sum + n, 0)).toBe(total);
  };

  it('parse the data files a few lines or phrases at a time', () => {
    const catalogue = drive(parseCatalogueSteps(benchmarksTsv));
    expectSmallSteps(catalogue.items, benchmarksTsv.split('\n').length);
    expect(catalogue.result.entries.length).toBeGreaterThan(1000);

    const topics = parseTopics(topicsTsv);
    const phrases = drive(parseTopicPhrasesSteps(topicKeywordsTsv, topics));
    const written = topicKeywordsTsv
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'))
      .flatMap((line) => (line.split('\t')[2] ?? '').split('|'))
      .filter((phrase) => phrase.trim());
    expectSmallSteps(phrases.items, written.length);

    const vetoes = drive(parseNotBenchmarksSteps(notBenchmarksText));
    expectSmallSteps(vetoes.items, notBenchmarksText.split('\n').length);

    const phraseTopics = drive(PhraseTopics.build(phrases.result));
    expectSmallSteps(phraseTopics.items, phrases.result.length);
  });

  it('index names, phrases and role words with a bounded number of table insertions per step', () => {
    const { entries } = finish(parseCatalogueSteps(benchmarksTsv));
    const phrases = finish(parseTopicPhrasesSteps(topicKeywordsTsv, parseTopics(topicsTsv)));
    const idOf = vi.spyOn(Lexicon.prototype, 'idOf');
    const perStep: number[] = [];
    let counted = 0;
    const { items, result } = drive(buildLexiconSteps(entries, phrases), () => {
      perStep.push(idOf.mock.calls.length - counted);
      counted = idOf.mock.calls.length;
    });
    idOf.mockRestore();
    expect(Math.max(...items)).toBeLessThanOrEqual(ITEMS_PER_STEP);
    // A name and its prefixes are a handful of keys: never more than 8 per item on average in a step.
    expect(Math.max(...perStep)).toBeLessThanOrEqual(8 * ITEMS_PER_STEP);
    expect(counted).toBeGreaterThan(entries.length + phrases.length); // the spy saw the work
    // Names, phrases, and (sealing) every key: each in steps of their own.
    const units = entries.length + phrases.length + result.lexicon.lexemes.length;
    expect(items.length).toBeGreaterThan(units / ITEMS_PER_STEP);
  });
});

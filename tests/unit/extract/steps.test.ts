import { afterEach, describe, expect, it, vi } from 'vitest';
import { eachInSteps, finish, ITEMS_PER_STEP, runInSlices, yieldToMainThread, type Steps } from '../../../lib/extract/steps';

/** A fake clock and a list of step costs: each call of the step advances the clock by its cost. */
function fakeWork(costs: number[]) {
  let clock = 0;
  let done = 0;
  const slices: { start: number; end: number; steps: number }[] = [];
  let current = { start: 0, end: 0, steps: 0 };
  const step = () => {
    if (current.steps === 0) current.start = clock;
    clock += costs[done++]!;
    current.steps++;
    current.end = clock;
    return done === costs.length;
  };
  const yieldToMain = async () => {
    slices.push(current);
    current = { start: 0, end: 0, steps: 0 };
  };
  const finishSlices = () => (current.steps ? [...slices, current] : slices);
  return { step, yieldToMain, now: () => clock, slices: finishSlices, done: () => done };
}

describe('runInSlices', () => {
  it('runs steps until the budget is spent, yields, and goes on until done', async () => {
    const costs = Array.from({ length: 100 }, (_, i) => 0.5 + (i % 7) * 0.25); // 0.5 .. 2 ms a step
    const work = fakeWork(costs);
    await runInSlices(work.step, { budgetMs: 8, yieldToMain: work.yieldToMain, now: work.now });
    expect(work.done()).toBe(100);
    const slices = work.slices();
    expect(slices.length).toBeGreaterThan(10); // 100 steps of 1.25 ms on average do not fit in one slice
    // A slice stops at the first step that ends past the budget: it overruns by less than one step, and
    // (but for the last) it does not hand the thread back before the budget is spent.
    for (const slice of slices) expect(slice.end - slice.start).toBeLessThan(8 + 2);
    for (const slice of slices.slice(0, -1)) expect(slice.end - slice.start).toBeGreaterThanOrEqual(8);
    expect(slices.reduce((sum, s) => sum + s.steps, 0)).toBe(100);
  });

  it('runs the first slice before it returns, and never yields after the last step', async () => {
    const work = fakeWork([1, 1, 1]);
    const yieldToMain = vi.fn(work.yieldToMain);
    const done = runInSlices(work.step, { budgetMs: 1.5, yieldToMain, now: work.now });
    expect(work.done()).toBe(2); // 1 ms, then 2 ms >= 1.5 ms: the rest waits for the next slice
    await done;
    expect(work.done()).toBe(3);
    expect(yieldToMain).toHaveBeenCalledTimes(1);
  });

  it('passes on an error thrown by a step', async () => {
    const step = () => {
      throw new Error('broken table');
    };
    await expect(runInSlices(step, { yieldToMain: async () => {} })).rejects.toThrow('broken table');
  });
});

describe('finish and eachInSteps', () => {
  it('visit every item once, yielding at most ITEMS_PER_STEP items at a time', () => {
    const items = Array.from({ length: ITEMS_PER_STEP * 3 + 5 }, (_, i) => i);
    const seen: number[] = [];
    const steps = eachInSteps(items, (item, index) => {
      expect(index).toBe(item);
      seen.push(item);
    });
    const yielded: number[] = [];
    for (let step = steps.next(); !step.done; step = steps.next()) yielded.push(step.value);
    expect(yielded).toEqual([ITEMS_PER_STEP, ITEMS_PER_STEP, ITEMS_PER_STEP, 5]);
    expect(seen).toEqual(items);
  });

  it('finish runs a build to its result', () => {
    function* build(): Steps<string> {
      let text = '';
      yield* eachInSteps(['a', 'b', 'c'], (letter) => (text += letter));
      return text;
    }
    expect(finish(build())).toBe('abc');
  });
});

describe('yieldToMainThread', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('uses scheduler.yield() where the browser has it', async () => {
    const yieldFn = vi.fn(async () => {});
    vi.stubGlobal('scheduler', { yield: yieldFn });
    await yieldToMainThread();
    expect(yieldFn).toHaveBeenCalledTimes(1);
  });

  it('else resolves in a later task (a MessageChannel message), not among the pending microtasks', async () => {
    vi.stubGlobal('scheduler', undefined);
    let resumed = false;
    const yielded = yieldToMainThread().then(() => (resumed = true));
    for (let i = 0; i < 50; i++) await Promise.resolve();
    expect(resumed).toBe(false);
    await yielded;
    expect(resumed).toBe(true);
  });
});

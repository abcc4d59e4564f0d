// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createScheduler } from '../../../lib/content/scheduler';

function elements(n: number): Element[] {
  return Array.from({ length: n }, (_, i) => {
    const el = document.createElement('div');
    el.id = `e${i}`;
    document.body.append(el);
    return el;
  });
}

/** A clock that only moves when a task "works": each task costs `cost` ms. */
function fakeClock() {
  let time = 0;
  return { now: () => time, spend: (ms: number) => (time += ms) };
}

type Report = (entries: { target: Element; isIntersecting: boolean }[]) => void;

/** An IntersectionObserver that reports what the test says, when it says: the returned function. */
function stubIntersectionObserver(): Report {
  let callback: Report | undefined;
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(observed: Report) {
        callback = observed;
      }
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
  return (entries) => callback!(entries);
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

describe('time-sliced scheduler', () => {
  it('runs every task, never more work per slice than the budget allows, yielding between slices', async () => {
    const clock = fakeClock();
    const ran: string[] = [];
    const slices: string[][] = [];
    let current: string[] = [];
    const scheduler = createScheduler({
      signal: new AbortController().signal,
      budgetMs: 8,
      now: clock.now,
      yieldToPage: async () => {
        if (current.length) slices.push(current);
        current = [];
      },
    });
    for (const el of elements(10)) {
      scheduler.enqueue(el, () => {
        clock.spend(3);
        ran.push(el.id);
        current.push(el.id);
      });
    }
    await scheduler.whenIdle();
    if (current.length) slices.push(current);
    expect(ran).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9']);
    // 3 ms tasks in an 8 ms budget: 3 per slice (the third ends at 9 ms, then the slice yields).
    expect(slices.map((s) => s.length)).toEqual([3, 3, 3, 1]);
  });

  it('runs a re-queued element once, with its latest task', async () => {
    const scheduler = createScheduler({ signal: new AbortController().signal });
    const [el] = elements(1);
    const ran: string[] = [];
    scheduler.enqueue(el!, () => ran.push('first'));
    scheduler.enqueue(el!, () => ran.push('second'));
    await scheduler.whenIdle();
    expect(ran).toEqual(['second']);
    expect(scheduler.pending).toBe(0);
  });

  it('does entries reported near the viewport first', async () => {
    const report = stubIntersectionObserver();
    const els = elements(6);
    const ran: string[] = [];
    let firstYield = true;
    const scheduler = createScheduler({
      signal: new AbortController().signal,
      yieldToPage: async () => {
        await Promise.resolve(); // the page's turn: everything is queued by now
        // The observer reports before the first slice: e4 and e5 are on screen.
        if (firstYield) report([{ target: els[4]!, isIntersecting: true }, { target: els[5]!, isIntersecting: true }, { target: els[0]!, isIntersecting: false }]);
        firstYield = false;
      },
    });
    for (const el of els) scheduler.enqueue(el, () => ran.push(el.id));
    await scheduler.whenIdle();
    expect(ran).toEqual(['e4', 'e5', 'e0', 'e1', 'e2', 'e3']);
  });

  it('keeps its place ahead of the page only for entries in view: the first screen, then what the observer reports', async () => {
    const report = stubIntersectionObserver();
    const clock = fakeClock();
    const els = elements(20);
    const ran: string[] = [];
    const turns: { urgent: boolean; ran: number }[] = [];
    const scheduler = createScheduler({
      signal: new AbortController().signal,
      budgetMs: 8,
      backgroundBudgetMs: 25,
      now: clock.now,
      yieldToPage: async (urgent) => {
        await Promise.resolve();
        turns.push({ urgent, ran: ran.length });
        // The observer's first report comes during the 13th turn: e16-e19 are on screen.
        if (turns.length === 13) report(els.slice(16).map((target) => ({ target, isIntersecting: true })));
      },
    });
    for (const el of els) {
      scheduler.enqueue(el, () => {
        clock.spend(10);
        ran.push(el.id);
      });
    }
    await scheduler.whenIdle();
    // Before the report, the first 12 entries (a first screen) go ahead of the page, one 10 ms task per 8 ms
    // slice; then work waits behind the page's tasks, in longer slices. The entries reported in view come
    // first; while one of them is left, the next turn goes ahead of the page again.
    expect(turns.map((turn) => turn.urgent)).toEqual([...Array(12).fill(true), false, true, false, false]);
    const perSlice = turns.map((turn, i) => (turns[i + 1]?.ran ?? ran.length) - turn.ran);
    expect(perSlice).toEqual([...Array(12).fill(1), 3, 1, 3, 1]);
    expect(ran.slice(12)).toEqual(['e16', 'e17', 'e18', 'e19', 'e12', 'e13', 'e14', 'e15']);
  });

  it('keeps going after a failing task, and drops everything on abort', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const controller = new AbortController();
    const ran: string[] = [];
    const scheduler = createScheduler({ signal: controller.signal });
    const [a, b, c] = elements(3);
    scheduler.enqueue(a!, () => {
      throw new Error('boom');
    });
    scheduler.enqueue(b!, () => ran.push('b'));
    await scheduler.whenIdle();
    expect(ran).toEqual(['b']);
    expect(warn).toHaveBeenCalledOnce();

    scheduler.enqueue(c!, () => ran.push('c'));
    controller.abort();
    await scheduler.whenIdle();
    expect(ran).toEqual(['b']);
    scheduler.enqueue(c!, () => ran.push('c'));
    expect(scheduler.pending).toBe(0);
    warn.mockRestore();
  });

  it('calls afterSlice after each slice (status requests go out per slice)', async () => {
    const clock = fakeClock();
    const afterSlice = vi.fn();
    const scheduler = createScheduler({ signal: new AbortController().signal, budgetMs: 5, now: clock.now, afterSlice });
    for (const el of elements(4)) scheduler.enqueue(el, () => clock.spend(5));
    await scheduler.whenIdle();
    expect(afterSlice).toHaveBeenCalledTimes(4);
  });

  it('yields to the page with the default yield (no scheduler.yield in this environment)', async () => {
    const scheduler = createScheduler({ signal: new AbortController().signal });
    const ran: number[] = [];
    for (const [i, el] of elements(3).entries()) scheduler.enqueue(el, () => ran.push(i));
    expect(ran).toEqual([]); // nothing runs synchronously inside enqueue
    await scheduler.whenIdle();
    expect(ran).toEqual([0, 1, 2]);
  });
});

/**
 * Work queue for per-entry work (read, extract, render), done in small time slices so that a
 * 2,000-entry listing never freezes the page (issue 4): a slice runs tasks until `budgetMs` has
 * passed, then yields to the page (input, rendering, its own scripts) before the next slice.
 *
 * Order: entries in or near the viewport first (an IntersectionObserver reports them, one screen
 * above and below), the rest in the order they were queued (document order). Until the observer's
 * first report arrives (the next frame), queue order is used: on a page opened at the top, that is
 * the visible entries anyway.
 *
 * Tasks are keyed by their element: queueing an element again before its task ran replaces the task
 * (a card re-rendered three times in a row is read once).
 *
 * Fairness: between two slices the page gets its turn, but how long a turn depends on the work left.
 * While entries in view wait, we keep our place ahead of the page's queued tasks (`scheduler.yield()`):
 * the reader sees the badges where they look, within a few slices. The rest of the page is work nobody
 * waits for: each of those slices is a normal task queued behind the page's own (loading its scripts,
 * MathJax typesetting, its handlers), so the page loads and behaves as it would without us (issue 4,
 * tests/bench/page.ts: with `scheduler.yield()` for every slice, the page's load event came twice as late).
 */
import { yieldAhead, yieldBehind } from '../yield';

export interface SchedulerOptions {
  signal: AbortSignal;
  /** Longest stretch of work between two yields, in ms. 8 ms leaves room in a 60 Hz frame. */
  budgetMs?: number;
  /** The same for slices of work off screen, which wait behind the page's tasks (default: budgetMs). */
  backgroundBudgetMs?: number;
  /**
   * Give the page a turn before the next slice. `urgent`: the next task is for an entry in or near view
   * (or the viewport is not known yet). Default: `yieldAhead` when urgent, else `yieldBehind`.
   */
  yieldToPage?: (urgent: boolean) => Promise<void>;
  now?: () => number;
  /** Margin around the viewport that counts as "near" (IntersectionObserver rootMargin). */
  nearMargin?: string;
  /** Called after every slice (e.g. to send the ids the slice discovered in one message). */
  afterSlice?: () => void;
  /** Work starts once this settles (e.g. the extractor's tables, built in slices of their own). */
  ready?: Promise<unknown>;
}

/**
 * A queued piece of work. `inView` says whether its element is in or near the viewport (reported by the
 * IntersectionObserver, or assumed before its first report): work there is shown at once, work further
 * down the page may be batched (lib/content/annotator: deferred placement).
 */
export type SliceTask = (inView: boolean) => void;

export interface SliceScheduler {
  /** Queue `task` for `element` (replacing a queued task for the same element). */
  enqueue(element: Element, task: SliceTask): void;
  /** Resolves when the queue is empty (tests, benchmarks). */
  whenIdle(): Promise<void>;
  readonly pending: number;
}

/**
 * Entries taken to be on screen before the viewport is known (the observer reports after the next frame):
 * a page opened at the top shows its first few entries; a screen holds 2-3 arXiv entries with abstracts,
 * up to a dozen cards or results on other sites.
 */
const FIRST_SCREEN_GUESS = 12;

export function createScheduler(options: SchedulerOptions): SliceScheduler {
  const { signal, budgetMs = 8, yieldToPage = defaultYieldToPage, now = () => performance.now(), afterSlice } = options;
  const backgroundBudgetMs = options.backgroundBudgetMs ?? budgetMs;
  const tasks = new Map<Element, SliceTask>();
  // Queues of elements; an element whose task already ran (or was replaced and ran) is skipped.
  const inOrder: Element[] = [];
  const near: Element[] = [];
  let head = 0;
  let nearHead = 0;
  let draining = false;
  let idleWaiters: (() => void)[] = [];
  /** Until the observer's first report, queue order stands in for it: a page opened at the top shows its first entries. */
  let viewportKnown = false;
  /** Tasks run as "in view" before that report (see FIRST_SCREEN_GUESS). */
  let guessedInView = 0;

  const viewport =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            viewportKnown = true;
            for (const entry of entries) if (entry.isIntersecting && tasks.has(entry.target)) near.push(entry.target);
          },
          { rootMargin: options.nearMargin ?? '100% 0px' },
        )
      : undefined;

  signal.addEventListener(
    'abort',
    () => {
      viewport?.disconnect();
      tasks.clear();
      inOrder.length = near.length = head = nearHead = 0;
      settle();
    },
    { once: true },
  );

  function next(): [Element, SliceTask, boolean] | undefined {
    while (nearHead < near.length) {
      const element = near[nearHead++]!;
      const task = tasks.get(element);
      if (task) return [element, task, true];
    }
    while (head < inOrder.length) {
      const element = inOrder[head++]!;
      const task = tasks.get(element);
      if (task) return [element, task, !viewport || (!viewportKnown && guessedInView++ < FIRST_SCREEN_GUESS)];
    }
    return undefined;
  }

  /**
   * Is the next task for an entry in or near view? Before the observer's first report, the first
   * FIRST_SCREEN_GUESS in queue order are taken to be; after those, we wait for the report behind the page's
   * tasks (it comes in a normal task, which would never get its turn while we keep ours ahead of the line).
   */
  function urgent(): boolean {
    if (!viewport) return false;
    if (!viewportKnown) return guessedInView < FIRST_SCREEN_GUESS;
    while (nearHead < near.length && !tasks.has(near[nearHead]!)) nearHead++;
    return nearHead < near.length;
  }

  function runOne(): boolean {
    const found = next();
    if (!found) return false;
    const [element, task, inView] = found;
    tasks.delete(element);
    viewport?.unobserve(element);
    try {
      task(inView);
    } catch (error) {
      console.warn('Paperlight: a task failed', error);
    }
    return true;
  }

  async function drain(): Promise<void> {
    draining = true;
    try {
      if (options.ready) await options.ready.catch(() => undefined);
      while (!signal.aborted && tasks.size > 0) {
        const ahead = urgent();
        await yieldToPage(ahead);
        const sliceStart = now();
        const budget = ahead ? budgetMs : backgroundBudgetMs;
        while (!signal.aborted && now() - sliceStart < budget && runOne()) {
          // one task after another until the slice's budget is spent
        }
        try {
          afterSlice?.();
        } catch (error) {
          console.warn('Paperlight: after-slice work failed', error);
        }
      }
    } finally {
      draining = false;
      // Queue order is consumed: reset the arrays so they do not grow for the life of the page.
      if (tasks.size === 0) inOrder.length = near.length = head = nearHead = 0;
      settle();
    }
  }

  function settle() {
    if (draining || tasks.size > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  return {
    enqueue(element, task) {
      if (signal.aborted) return;
      if (!tasks.has(element)) {
        inOrder.push(element);
        viewport?.observe(element);
      }
      tasks.set(element, task);
      if (!draining) void drain();
    },
    whenIdle() {
      if (!draining && tasks.size === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    get pending() {
      return tasks.size;
    },
  };
}

function defaultYieldToPage(urgent: boolean): Promise<void> {
  return urgent ? yieldAhead() : yieldBehind();
}

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
 */
export interface SchedulerOptions {
  signal: AbortSignal;
  /** Longest stretch of work between two yields, in ms. 8 ms leaves room in a 60 Hz frame. */
  budgetMs?: number;
  /** Give the page a turn. Default: `scheduler.yield()` where the browser has it, else a macrotask. */
  yieldToPage?: () => Promise<void>;
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

export function createScheduler(options: SchedulerOptions): SliceScheduler {
  const { signal, budgetMs = 8, yieldToPage = defaultYield, now = () => performance.now(), afterSlice } = options;
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
      if (task) return [element, task, !viewport || !viewportKnown];
    }
    return undefined;
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
        await yieldToPage();
        const sliceStart = now();
        while (!signal.aborted && now() - sliceStart < budgetMs && runOne()) {
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

interface PostTaskScheduler {
  yield?: () => Promise<void>;
}

/**
 * `scheduler.yield()` keeps our place in line while letting input and rendering run; else a macrotask.
 *
 * Measured on the 2,000-entry arXiv page (tests/bench/page.ts): continuing ahead of the page's queued tasks
 * delays arXiv's own loading (MathJax's scripts) while we work, so the page's load event comes later; giving
 * every slice a normal-priority task (`scheduler.postTask`) instead kept the page's load on time but let
 * MathJax's long typesetting tasks push our in-view entries back by seconds. Entries first, then.
 */
export function defaultYield(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: PostTaskScheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  // A MessageChannel message is a macrotask without setTimeout's 4 ms clamp on nested timers.
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(undefined);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Builds that can pause (issue 4: no task the extension runs on a page may take over 50 ms). Building the
 * extractor's tables is tens of milliseconds of work before the JIT has warmed up; written as generators
 * that yield after every small unit of work, the same code runs either all at once (`finish`, when an
 * extraction needs the tables now) or in slices with the main thread handed back between them
 * (`runInSlices`, for a content script preparing ahead).
 *
 * A step yields how many items (lines, names, phrases, table keys) it handled since the last yield, at
 * most ITEMS_PER_STEP: tests count them to check that no loop runs unbroken.
 */
import { yieldAhead } from '../yield';
export type Steps<T> = Generator<number, T, undefined>;

/**
 * Items per step: one item costs a few microseconds when the code still runs in the interpreter, so a
 * step stays far below a millisecond and a slice ends close to its budget.
 */
export const ITEMS_PER_STEP = 32;

/** Runs the remaining steps now and returns the result. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Yields after every ITEMS_PER_STEP calls of `each` (and once for the rest): a loop over items, in steps. */
export function* eachInSteps<T>(items: readonly T[], each: (item: T, index: number) => void): Steps<void> {
  for (let start = 0; start < items.length; start += ITEMS_PER_STEP) {
    const end = Math.min(items.length, start + ITEMS_PER_STEP);
    for (let i = start; i < end; i++) each(items[i]!, i);
    yield end - start;
  }
}

export interface SliceOptions {
  /** Work between two yields, in ms (default 8: room left in a 60 Hz frame). */
  budgetMs?: number;
  /** Hands the main thread back. Default: `scheduler.yield()` where the browser has it, else a macrotask. */
  yieldToMain?: () => Promise<void>;
  /** Clock in ms (tests pass a fake one). */
  now?: () => number;
}

/**
 * Calls `step` (one small unit of work, true once there is none left) until it is done: in slices of
 * about `budgetMs`, yielding to the main thread between them. The first slice runs right away.
 */
export async function runInSlices(step: () => boolean, options: SliceOptions = {}): Promise<void> {
  const { budgetMs = 8, yieldToMain = yieldToMainThread, now = defaultClock } = options;
  for (;;) {
    const deadline = now() + budgetMs;
    do {
      if (step()) return;
    } while (now() < deadline);
    await yieldToMain();
  }
}

const defaultClock = typeof performance === 'object' ? () => performance.now() : () => Date.now();

/**
 * Our place in line is kept while input and rendering run (`scheduler.yield()`), else a macrotask: the
 * same turn as the content script gives the page for the entries in view (lib/yield.ts).
 */
export const yieldToMainThread = yieldAhead;

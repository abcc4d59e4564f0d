/**
 * Runs the content script on a saved page with one or more of issue 6's entry features (watch, seen,
 * keyboard), a fake background and fake settings whose changes the test triggers.
 */
import { afterEach } from 'vitest';
import type { EntryFeature } from '../../../lib/content/entry-features';
import { startPaperlight, type FeatureContext, type Paperlight } from '../../../lib/content/paperlight';
import { showFixture } from '../sites/fixtures';
import { fakeBackground, fakeExtract, type FakeBackground } from './fakes';

export const TRIMMED_DAILY = 'huggingface/hf_papers_daily_2026-09-28.trimmed.html';
/** The three cards of the trimmed capture, in page order. */
export const TRIMMED_IDS = ['2609.31620', '2609.30222', '2609.31590'];

/** A setting whose value the test sets; `change` notifies watchers as storage.onChanged would. */
export function fakeSetting<T>(initial: T) {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: async () => value,
    watch(listener: (value: T) => void, signal?: AbortSignal) {
      listeners.add(listener);
      signal?.addEventListener('abort', () => listeners.delete(listener));
    },
    change(next: T) {
      value = next;
      for (const listener of listeners) listener(next);
    },
  };
}

export interface Harness {
  paperlight: Paperlight;
  background: FakeBackground;
  controller: AbortController;
  settle(): Promise<void>;
}

let active: Harness | undefined;

// Each test's content script ends with the test, and its page with it.
afterEach(() => {
  active?.controller.abort();
  active = undefined;
  document.body.replaceChildren();
});

/** The content script the current test started. */
export function activeHarness(): Harness {
  if (!active) throw new Error('no content script started in this test');
  return active;
}

export async function startOnDaily(features: (context: FeatureContext) => EntryFeature[], saved: string[] = []): Promise<Harness> {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://huggingface.co/papers');
  showFixture(TRIMMED_DAILY);
  const background = fakeBackground(saved);
  const controller = new AbortController();
  const paperlight = startPaperlight({ signal: controller.signal, ...background, extract: fakeExtract, features });
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await paperlight.whenIdle();
    }
    await new Promise((resolve) => setTimeout(resolve, 60));
  };
  active = { paperlight, background, controller, settle };
  await settle();
  return active;
}

/** Lay the entries out one under the other (happy-dom has no layout): entry i spans 200i..200i+180. */
export function layOutEntries(roots: Element[], viewportHeight = 600): void {
  Object.defineProperty(window, 'innerHeight', { value: viewportHeight, configurable: true });
  roots.forEach((root, i) => {
    (root as HTMLElement).getBoundingClientRect = () => ({ top: 200 * i, bottom: 200 * i + 180, height: 180 }) as DOMRect;
  });
}

export function press(key: string, init: KeyboardEventInit = {}, target: EventTarget = document.body): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true, ...init });
  target.dispatchEvent(event);
  return event;
}

/**
 * The content script's logic (entrypoints/content is only the WXT wrapper around `startPaperlight`).
 *
 * For the life of the script: one library state (saved or not, per id, kept in sync by broadcasts) and
 * one annotator (one UI per entry). Per page state, a "run": the adapter for the current URL, its page
 * context, the observer feeding new entries to the time-sliced queue, the re-render watcher and the theme
 * watcher. A client-side navigation aborts the run and starts the next one; UIs of entries that survive
 * the navigation are kept (annotate is idempotent), the others are swept.
 */
import { extract as extractWithEngine } from '../extract';
import { onBroadcast as onBroadcastFromBackground, request as requestToBackground } from '../messaging/client';
import { adapterFor, adapters as allAdapters, type AnyAdapter } from '../sites';
import { PageAnnotator, type ExtractFn } from './annotator';
import type { EntryFeature } from './entry-features';
import { HOST_ATTRIBUTE } from './entry-ui';
import { LibraryState, type OnBroadcastFn, type RequestFn } from './library-state';
import { observe } from './observe';
import { createScheduler, type SchedulerOptions, type SliceScheduler } from './scheduler';
import { watchTheme } from './theme';

export interface PaperlightOptions {
  /** The content script's lifetime (WXT `ctx.signal`). */
  signal: AbortSignal;
  doc?: Document;
  /** Subscribe to client-side navigations (WXT: `ctx.addEventListener(window, 'wxt:locationchange', …)`). */
  onLocationChange?: (listener: (url: URL) => void) => void;
  adapters?: readonly AnyAdapter[];
  extract?: ExtractFn;
  request?: RequestFn;
  onBroadcast?: OnBroadcastFn;
  /** How long a supported page may show no entry before we say so in the console (once per page state). */
  warnAfterMs?: number;
  scheduler?: Omit<SchedulerOptions, 'signal' | 'afterSlice'>;
  /** Features working on every entry (lib/content/features/), made once for the script's lifetime. */
  features?: (context: FeatureContext) => EntryFeature[];
}

/** What a feature may use: the page, the shared saved-state, the background, and the script's lifetime. */
export interface FeatureContext {
  doc: Document;
  signal: AbortSignal;
  library: LibraryState;
  request: RequestFn;
  onBroadcast: OnBroadcastFn;
  annotator: PageAnnotator;
}

export interface Paperlight {
  annotator: PageAnnotator;
  /** The current run's adapter, undefined on a page we leave alone. */
  readonly adapter: AnyAdapter | undefined;
  /** Resolves when every queued entry has been handled (tests, benchmarks). */
  whenIdle(): Promise<void>;
}

export function startPaperlight(options: PaperlightOptions): Paperlight {
  const { signal, doc = document, warnAfterMs = 5000 } = options;
  const request = options.request ?? requestToBackground;
  const onBroadcast = options.onBroadcast ?? onBroadcastFromBackground;
  const library = new LibraryState(request, onBroadcast, signal);
  const annotator = new PageAnnotator(doc, library, options.extract ?? extractWithEngine);
  for (const feature of options.features?.({ doc, signal, library, request, onBroadcast, annotator }) ?? []) {
    annotator.addFeature(feature);
  }
  let run: { controller: AbortController; adapter?: AnyAdapter; scheduler?: SliceScheduler } | undefined;

  function startRun(url: URL): void {
    run?.controller.abort();
    const controller = new AbortController();
    if (signal.aborted) return;
    signal.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
    const adapter = adapterFor(url, doc, options.adapters ?? allAdapters);
    run = { controller, adapter };
    if (!adapter) {
      annotator.clear(); // navigated client-side to a page we do not annotate
      return;
    }
    try {
      run.scheduler = startAnnotating(adapter, url, controller.signal);
    } catch (error) {
      console.warn(`Paperlight: could not start on this ${adapter.name} page`, error);
    }
  }

  function startAnnotating(adapter: AnyAdapter, url: URL, runSignal: AbortSignal): SliceScheduler {
    const context: unknown = adapter.readContext(doc, url);
    const scheduler: SliceScheduler = createScheduler({
      ...options.scheduler,
      signal: runSignal,
      // The ids the slice discovered go out in batches; all of them once the queue is empty.
      afterSlice: () => library.askStatusSoon(scheduler.pending === 0),
    });
    let recognised = 0;
    // A new closure per run: `observe` hands every current entry to this run again (annotate is idempotent).
    const queueEntry = (root: Element) =>
      scheduler.enqueue(root, () => {
        if (annotator.annotate(root, adapter, context)) recognised++;
      });

    const currentTheme = watchTheme(doc, adapter.readTheme, (theme) => annotator.setTheme(theme), runSignal);
    annotator.setTheme(currentTheme());
    observe(adapter.entrySelector, queueEntry, { signal: runSignal, root: doc });
    watchRerenders(doc, adapter.entrySelector, annotator, queueEntry, runSignal);
    annotator.sweep(); // entries of the previous page state that are gone

    const timer = setTimeout(() => {
      if (recognised > 0 || runSignal.aborted) return;
      const candidates = doc.querySelectorAll(adapter.entrySelector).length;
      console.warn(
        `Paperlight: no paper entries recognised on this ${adapter.name} page (${url.href}); ` +
          `the selector "${adapter.entrySelector}" matched ${candidates} element(s), none readable. ` +
          'The site may have changed its markup; the page is left as it is.',
      );
    }, warnAfterMs);
    runSignal.addEventListener('abort', () => clearTimeout(timer), { once: true });
    return scheduler;
  }

  startRun(new URL(doc.location.href));
  options.onLocationChange?.((url) => startRun(url));
  // Extension updated or reloaded: this copy can no longer save anything, so its UI goes.
  signal.addEventListener('abort', () => annotator.clear(), { once: true });

  return {
    annotator,
    get adapter() {
      return run?.adapter;
    },
    whenIdle: () => run?.scheduler?.whenIdle() ?? Promise.resolve(),
  };
}

/**
 * Sites re-render without reloading (Svelte on Hugging Face, MathJax on arXiv): an entry's content is
 * replaced, its element reused for another paper (its link changes), or our host dropped. Every change
 * inside an entry queues that entry again; removals also sweep UIs whose entry left the page.
 */
function watchRerenders(
  doc: Document,
  entrySelector: string,
  annotator: PageAnnotator,
  queueEntry: (root: Element) => void,
  signal: AbortSignal,
): void {
  let sweepTimer: ReturnType<typeof setTimeout> | undefined;
  const sweepSoon = () => {
    // After the site's burst of changes: a node removed now may be put back in the same task.
    sweepTimer ??= setTimeout(() => {
      sweepTimer = undefined;
      if (!signal.aborted) annotator.sweep();
    }, 50);
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'childList') {
        const ours = record.removedNodes.length === 0 && [...record.addedNodes].every((node) => annotator.isOwnHost(node));
        if (ours) continue; // our own insertion
        if (record.removedNodes.length > 0) sweepSoon();
      }
      const target = record.target instanceof Element ? record.target : record.target.parentElement;
      if (!target || target.closest(`[${HOST_ATTRIBUTE}]`)) continue;
      const root = target.closest(entrySelector);
      if (root) queueEntry(root);
    }
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(sweepTimer);
    },
    { once: true },
  );
}

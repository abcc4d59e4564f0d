/**
 * The content script's logic (entrypoints/content is only the WXT wrapper around `startPaperlight`).
 *
 * For the life of the script: one library state (saved or not, per id, kept in sync by broadcasts) and
 * one annotator (one UI per entry). Per page state, a "run": the adapter for the current URL, its page
 * context, the observer feeding new entries to the time-sliced queue, the re-render watcher and the theme
 * watcher. A client-side navigation aborts the run and starts the next one; UIs of entries that survive
 * the navigation are kept (annotate is idempotent), the others are swept.
 */
import { extract as extractWithEngine, prepareExtractor } from '../extract';
import { onBroadcast as onBroadcastFromBackground, request as requestToBackground } from '../messaging/client';
import { sitesSetting, type SitesSettings } from '../settings/sites';
import { adapterFor, adapters as allAdapters, siteOf, type AnyAdapter } from '../sites';
import { PageAnnotator, type ExtractFn } from './annotator';
import type { EntryFeature } from './entry-features';
import { HOST_ATTRIBUTE } from './entry-ui';
import { LibraryState, type OnBroadcastFn, type RequestFn } from './library-state';
import { observe, STORM_QUIET_MS, STORM_RECORDS } from './observe';
import { createScheduler, type SchedulerOptions, type SliceScheduler } from './scheduler';
import { yieldAhead } from '../yield';
import type { Setting } from '../settings/store';
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
  /**
   * Work to finish before the first entry is read (default with the real extractor: building its tables in
   * time slices, so that the first extraction does not build them in one long task).
   */
  prepare?: () => Promise<void>;
  /** UIs of entries far from the viewport are placed this many per frame (see PageAnnotator.placeDeferred). */
  placementBatch?: number;
  /** Wait for the next frame (placement batches); default requestAnimationFrame, then a task. */
  nextFrame?: (callback: () => void) => void;
  /** The user's site settings (sites switched off); default: the stored setting, followed live. */
  siteSettings?: Pick<Setting<SitesSettings>, 'get' | 'watch'>;
  /**
   * Nothing is read from the page before this settles (default: at once). The content script starts while
   * the page is still loading (to fetch its code meanwhile) and passes "DOMContentLoaded" here; the settings
   * are read in the meantime.
   */
  documentReady?: Promise<unknown>;
}

/**
 * UIs placed per frame, far from the viewport. On the 2,000-entry arXiv page every frame that inserts UIs
 * costs the browser ~40-60 ms of pre-paint (everything below the insertions moves) plus ~0.1 ms of style and
 * layout per UI: 250 a frame makes 8 such frames instead of 20, about 0.6 s less rendering, for frames of
 * ~80-100 ms instead of ~70 (tests/bench/page.ts).
 */
const PLACEMENT_BATCH = 250;

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
  const prepare = options.prepare ?? (options.extract ? undefined : () => prepareExtractor());
  let ready: Promise<unknown> | undefined;
  const placementBatch = options.placementBatch ?? PLACEMENT_BATCH;
  const nextFrame = options.nextFrame ?? defaultNextFrame;
  let run: { controller: AbortController; adapter?: AnyAdapter; scheduler?: SliceScheduler; placing?: Promise<void> } | undefined;
  // Sites the user switched off (options page). Read before the first run, followed afterwards.
  let disabledSites: readonly string[] = [];
  const siteSettings = options.siteSettings ?? sitesSetting;
  const settingsRead = siteSettings.get().then(
    (settings) => void (disabledSites = settings.disabled),
    () => undefined, // unreadable settings: every site on, as by default
  );

  function startRun(url: URL): void {
    run?.controller.abort();
    const controller = new AbortController();
    if (signal.aborted) return;
    signal.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
    const found = adapterFor(url, doc, options.adapters ?? allAdapters);
    const adapter = found && !disabledSites.includes(siteOf(found)) ? found : undefined;
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
      ready,
      afterSlice: () => {
        // The ids the slice discovered go out in batches; all of them once the queue is empty.
        library.askStatusSoon(scheduler.pending === 0);
        const waiting = annotator.deferredCount;
        if (waiting >= placementBatch || (waiting > 0 && scheduler.pending === 0)) placeInBatches();
      },
    });
    let recognised = 0;
    // A new closure per run: `observe` hands every current entry to this run again (annotate is idempotent).
    // Entries in view show their UI at once; the others are built now and placed in batches.
    const queueEntry = (root: Element) =>
      scheduler.enqueue(root, (inView) => {
        if (annotator.annotate(root, adapter, context, { deferPlacement: !inView })) recognised++;
      });

    /** One batch of deferred UIs per frame, while a full batch waits or the queue is done. */
    const placeInBatches = () => {
      if (!run || run.placing) return;
      const current = run;
      current.placing = new Promise<void>((resolve) => {
        const step = () => {
          if (runSignal.aborted) return resolve();
          const left = annotator.placeDeferred(placementBatch);
          if (left > 0 && (left >= placementBatch || scheduler.pending === 0)) nextFrame(step);
          else resolve();
        };
        step();
      }).finally(() => {
        current.placing = undefined;
      });
    };

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

  // Nothing heavy while the browser evaluates the script: the features and the extractor's first slice come
  // once the settings are read and the document is ready, the first run in the task after that.
  const begun = Promise.all([settingsRead, options.documentReady]).then(() => {
    if (signal.aborted) return;
    for (const feature of options.features?.({ doc, signal, library, request, onBroadcast, annotator }) ?? []) {
      annotator.addFeature(feature);
    }
    ready = prepare?.().catch(() => undefined);
    return yieldAhead(); // a task of its own, ahead of the page's queued work: the entries in view come first
  });
  void begun.then(() => startRun(new URL(doc.location.href)));
  options.onLocationChange?.((url) => void begun.then(() => startRun(url)));
  siteSettings.watch((settings) => {
    const changed = settings.disabled.join() !== disabledSites.join();
    disabledSites = settings.disabled;
    if (changed && run) startRun(new URL(doc.location.href)); // switched on or off: apply to this page now
  }, signal);
  // Extension updated or reloaded: this copy can no longer save anything, so its UI goes.
  signal.addEventListener('abort', () => annotator.clear(), { once: true });

  return {
    annotator,
    get adapter() {
      return run?.adapter;
    },
    async whenIdle() {
      // Slices and placement batches hand work to each other: idle when neither has any left.
      for (let current = run; current?.scheduler; current = run) {
        await current.scheduler.whenIdle();
        if (!current.placing) break;
        await current.placing;
      }
    },
  };
}

/** Are these added nodes all our own hosts? (No array per record: placing 2,000 UIs sends 2,000 records.) */
function onlyOwnHosts(nodes: NodeList, annotator: PageAnnotator): boolean {
  for (let i = 0; i < nodes.length; i++) if (!annotator.isOwnHost(nodes[i]!)) return false;
  return true;
}

function defaultNextFrame(callback: () => void): void {
  // After the frame that lays out the previous batch, not inside it.
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(callback, 0));
  else setTimeout(callback, 16);
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
  let stormTimer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    if (records.length > STORM_RECORDS) {
      // A storm (observe.ts): once it is over, every entry is read again (cheap when nothing changed:
      // the queue keeps one task per entry, and the extraction of unchanged text is cached).
      sweepSoon();
      clearTimeout(stormTimer);
      stormTimer = setTimeout(() => {
        if (!signal.aborted) for (const root of doc.querySelectorAll(entrySelector)) queueEntry(root);
      }, STORM_QUIET_MS);
      return;
    }
    // MathJax typesetting a big listing sends thousands of records, most about the same few elements:
    // each changed element is looked at once per callback.
    const targets = new Set<Element>();
    for (const record of records) {
      if (record.type === 'childList') {
        if (record.removedNodes.length === 0 && onlyOwnHosts(record.addedNodes, annotator)) continue; // our own insertion
        if (record.removedNodes.length > 0) sweepSoon();
      }
      const target = record.target instanceof Element ? record.target : record.target.parentElement;
      if (target) targets.add(target);
    }
    const roots = new Set<Element>();
    for (const target of targets) {
      if (target.closest(`[${HOST_ATTRIBUTE}]`)) continue;
      const root = target.closest(entrySelector);
      if (root) roots.add(root);
    }
    for (const root of roots) queueEntry(root);
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(sweepTimer);
      clearTimeout(stormTimer);
    },
    { once: true },
  );
}

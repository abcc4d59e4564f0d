/**
 * "Dim what I have already seen" (issue 6, reading settings). When the reader turns it on, an entry counts
 * as seen once its title has stayed at least half on screen for a moment (or the keyboard moved to it); on
 * later visits, and on other listings showing the same paper, seen entries are dimmed (full again on hover
 * or focus). Entries first seen during this visit are not dimmed while the reader is still on the page.
 *
 * While the setting is off nothing is recorded. Ids are kept in storage.local (./seen-store.ts says why).
 */
import type { PaperId } from '../../../paper';
import { readingSetting, type ReadingSettings } from '../../../settings/reading';
import type { Setting } from '../../../settings/store';
import type { EntryFeature } from '../../entry-features';
import type { FeatureContext } from '../../paperlight';
import { installPageStyles } from '../page-styles';
import { SeenStore } from './seen-store';

export const SEEN_ATTRIBUTE = 'data-paperlight-seen';

const SEEN_CSS = `
[${SEEN_ATTRIBUTE}] { opacity: 0.55 !important; transition: opacity 0.15s ease-in-out; }
[${SEEN_ATTRIBUTE}]:hover, [${SEEN_ATTRIBUTE}]:focus-within { opacity: 1 !important; }
@media (prefers-reduced-motion: reduce) { [${SEEN_ATTRIBUTE}] { transition: none; } }
`;

/** How long a title must stay on screen to count as seen: scrolling past quickly does not. */
const DWELL_MS = 1000;

export interface SeenFeature extends EntryFeature {
  /** The reader reached this paper another way (keyboard triage). */
  markSeen(id: PaperId): void;
}

export interface SeenFeatureOptions {
  setting?: Pick<Setting<ReadingSettings>, 'get' | 'watch'>;
  store?: Pick<SeenStore, 'load' | 'add' | 'flush'>;
  dwellMs?: number;
}

interface Tracked {
  id: PaperId;
  /** What is watched for visibility: the title (an entry with an abstract is often taller than the screen). */
  target: Element;
}

export function seenFeature(context: FeatureContext, options: SeenFeatureOptions = {}): SeenFeature {
  const { doc, signal } = context;
  const setting = options.setting ?? readingSetting;
  const store = options.store ?? new SeenStore();
  const dwellMs = options.dwellMs ?? DWELL_MS;
  const tracked = new Map<Element, Tracked>();
  const byTarget = new Map<Element, Element>();
  const timers = new Map<Element, ReturnType<typeof setTimeout>>();
  /** Seen before this page was opened: these are dimmed. Undefined while off or loading. */
  let seenBefore: Set<PaperId> | undefined;
  let enabled = false;
  let observer: IntersectionObserver | undefined;
  let removeStyles: (() => void) | undefined;

  function record(id: PaperId): void {
    if (enabled) store.add([id]);
  }

  function onVisibility(changes: IntersectionObserverEntry[]): void {
    for (const change of changes) {
      const root = byTarget.get(change.target);
      if (!root) continue;
      const visible = change.isIntersecting && change.intersectionRatio >= 0.5;
      const timer = timers.get(root);
      if (visible && timer === undefined) {
        timers.set(
          root,
          setTimeout(() => {
            timers.delete(root);
            const entry = tracked.get(root);
            if (entry) record(entry.id);
          }, dwellMs),
        );
      } else if (!visible && timer !== undefined) {
        clearTimeout(timer);
        timers.delete(root);
      }
    }
  }

  function ensureObserver(): IntersectionObserver | undefined {
    const Observer = doc.defaultView?.IntersectionObserver;
    if (!Observer) return undefined;
    observer ??= new Observer(onVisibility, { threshold: [0, 0.5, 1] });
    return observer;
  }

  function show(root: Element, entry: Tracked): void {
    const dim = seenBefore?.has(entry.id) ?? false;
    if (dim) {
      removeStyles ??= installPageStyles(doc, 'seen', SEEN_CSS);
      if (!root.hasAttribute(SEEN_ATTRIBUTE)) root.setAttribute(SEEN_ATTRIBUTE, '');
    } else if (root.hasAttribute(SEEN_ATTRIBUTE)) {
      root.removeAttribute(SEEN_ATTRIBUTE);
    }
  }

  function stopWatching(root: Element, entry: Tracked): void {
    observer?.unobserve(entry.target);
    byTarget.delete(entry.target);
    clearTimeout(timers.get(root));
    timers.delete(root);
  }

  function track(root: Element, id: PaperId, target: Element): void {
    const previous = tracked.get(root);
    if (previous && previous.target !== target) stopWatching(root, previous);
    const entry = { id, target };
    tracked.set(root, entry);
    if (enabled && !byTarget.has(target)) {
      byTarget.set(target, root);
      ensureObserver()?.observe(target);
    }
    show(root, entry);
  }

  async function turn(on: boolean): Promise<void> {
    if (on === enabled && (seenBefore !== undefined || !on)) return;
    enabled = on;
    if (!on) {
      seenBefore = undefined;
      for (const [root, entry] of tracked) {
        stopWatching(root, entry);
        show(root, entry);
      }
      return;
    }
    let loaded: Set<PaperId>;
    try {
      loaded = await store.load();
    } catch (error) {
      console.warn('Paperlight: could not read which papers were seen', error);
      loaded = new Set();
    }
    if (!enabled || signal.aborted) return;
    seenBefore = loaded;
    for (const [root, entry] of tracked) track(root, entry.id, entry.target);
  }

  void setting.get().then((settings) => turn(settings.dimSeen));
  setting.watch((settings) => void turn(settings.dimSeen), signal);
  signal.addEventListener(
    'abort',
    () => {
      observer?.disconnect();
      for (const timer of timers.values()) clearTimeout(timer);
      void store.flush();
      removeStyles?.();
    },
    { once: true },
  );
  // Leaving the page: write what is pending (storage writes survive the page once started).
  doc.defaultView?.addEventListener('pagehide', () => void store.flush(), { signal });

  return {
    name: 'seen',
    entryUpdated({ root, paper, detected }) {
      track(root, paper.id, detected.titleElement ?? root);
    },
    entryRemoved(root) {
      const entry = tracked.get(root);
      if (!entry) return;
      stopWatching(root, entry);
      tracked.delete(root);
      root.removeAttribute(SEEN_ATTRIBUTE);
    },
    clear() {
      for (const [root, entry] of tracked) {
        stopWatching(root, entry);
        root.removeAttribute(SEEN_ATTRIBUTE);
      }
      tracked.clear();
    },
    markSeen: record,
  };
}

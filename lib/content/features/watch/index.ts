/**
 * Watch rules on listings (issue 6): an entry that matches one of the user's rules (lib/watch) gets an
 * outline and a "Watch" label saying why; with "dim the rest" on, the entries that match nothing fade
 * (back to full on hover or focus). The toolbar icon shows how many entries of the page match.
 *
 * Marks are our own data attribute on the entry root, `data-paperlight-watch="match" | "dimmed"`, styled by
 * CSS that only uses outline and opacity (lib/content/features/page-styles.ts): the page's layout never moves.
 * Results are cached per paper and rule set, so the calls after every re-render cost a map lookup.
 */
import type { Setting } from '../../../settings/store';
import { watchSetting } from '../../../settings/watch';
import { compileWatchRules, type WatchMatch, type WatchMatcher } from '../../../watch/match';
import type { WatchSettings } from '../../../watch/rules';
import type { AnnotatedEntry, EntryFeature } from '../../entry-features';
import type { FeatureContext } from '../../paperlight';
import { installPageStyles } from '../page-styles';
import { createToolbarCount, type ConnectFn } from './toolbar-count';
import { WatchMark } from './watch-mark';

export const WATCH_ATTRIBUTE = 'data-paperlight-watch';

const WATCH_CSS = `
[${WATCH_ATTRIBUTE}="match"] { outline: 2px solid #d97706 !important; outline-offset: 2px !important; }
[${WATCH_ATTRIBUTE}="dimmed"] { opacity: 0.45 !important; transition: opacity 0.15s ease-in-out; }
[${WATCH_ATTRIBUTE}="dimmed"]:hover, [${WATCH_ATTRIBUTE}="dimmed"]:focus-within { opacity: 1 !important; }
@media (prefers-reduced-motion: reduce) { [${WATCH_ATTRIBUTE}="dimmed"] { transition: none; } }
`;

export interface WatchFeatureOptions {
  setting?: Pick<Setting<WatchSettings>, 'get' | 'watch'>;
  connect?: ConnectFn;
  /** Delay before the toolbar count is sent (tests: 0). */
  countDelayMs?: number;
}

interface Shown {
  entry: AnnotatedEntry;
  match: WatchMatch | undefined;
  mark?: WatchMark;
}

export function watchFeature(context: FeatureContext, options: WatchFeatureOptions = {}): EntryFeature {
  const { doc, signal } = context;
  const setting = options.setting ?? watchSetting;
  const shown = new Map<Element, Shown>();
  /** The shown entries that match (the toolbar count walks these, not every entry of a 2,000-entry page). */
  const matching = new Set<Element>();
  const toolbar = createToolbarCount({ signal, connect: options.connect, delayMs: options.countDelayMs });
  let settings: WatchSettings | undefined;
  let matcher: WatchMatcher | undefined;
  /** Match per paper text, for the current rules (cleared when they change). */
  let cache = new Map<string, WatchMatch | null>();
  let removeStyles: (() => void) | undefined;

  function matchOf(entry: AnnotatedEntry): WatchMatch | undefined {
    if (!matcher || matcher.size === 0) return undefined;
    const { paper, extraction } = entry;
    const key = `${paper.id}\n${paper.title}\n${paper.authors.length}\n${paper.abstract}`;
    let found = cache.get(key);
    if (found === undefined) {
      found = matcher.match({ paper, extraction }) ?? null;
      cache.set(key, found);
    }
    return found ?? undefined;
  }

  function show(root: Element, state: Shown): void {
    const { match } = state;
    const active = matcher !== undefined && matcher.size > 0;
    const mode = match ? 'match' : active && settings?.dimOthers ? 'dimmed' : undefined;
    if (mode) {
      removeStyles ??= installPageStyles(doc, 'watch', WATCH_CSS);
      if (root.getAttribute(WATCH_ATTRIBUTE) !== mode) root.setAttribute(WATCH_ATTRIBUTE, mode);
    } else if (root.hasAttribute(WATCH_ATTRIBUTE)) {
      root.removeAttribute(WATCH_ATTRIBUTE);
    }
    if (match) {
      state.mark ??= new WatchMark(doc);
      state.mark.show(match.reasons);
      state.mark.place(root);
    } else {
      state.mark?.remove();
      state.mark = undefined;
    }
  }

  function update(entry: AnnotatedEntry): void {
    const state = shown.get(entry.root) ?? { entry, match: undefined };
    state.entry = entry;
    setMatch(entry.root, state, matchOf(entry));
    shown.set(entry.root, state);
    show(entry.root, state);
  }

  function setMatch(root: Element, state: Shown, match: WatchMatch | undefined): void {
    state.match = match;
    if (match) matching.add(root);
    else matching.delete(root);
  }

  let countPending = false;
  /** Count once after a burst of updates (a big page updates thousands of entries, a few per time slice). */
  function countMatches(): void {
    if (countPending) return;
    countPending = true;
    queueMicrotask(() => {
      countPending = false;
      if (signal.aborted) return;
      let count = 0;
      for (const root of matching) if (root.isConnected) count++;
      toolbar.report(count);
    });
  }

  function unmark(root: Element, state: Shown): void {
    if (root.getAttribute(WATCH_ATTRIBUTE)) root.removeAttribute(WATCH_ATTRIBUTE);
    state.mark?.remove();
  }

  function applySettings(next: WatchSettings): void {
    settings = next;
    matcher = compileWatchRules(next.rules);
    cache = new Map();
    for (const [root, state] of shown) {
      setMatch(root, state, matchOf(state.entry));
      show(root, state);
    }
    countMatches();
  }

  void setting.get().then((loaded) => {
    if (!signal.aborted) applySettings(loaded);
  });
  setting.watch((next) => applySettings(next), signal);
  signal.addEventListener('abort', () => removeStyles?.(), { once: true });

  return {
    name: 'watch',
    entryUpdated(entry) {
      update(entry);
      countMatches();
    },
    entryRemoved(root) {
      const state = shown.get(root);
      if (!state) return;
      unmark(root, state);
      shown.delete(root);
      matching.delete(root);
      countMatches();
    },
    clear() {
      for (const [root, state] of shown) unmark(root, state);
      shown.clear();
      matching.clear();
      toolbar.report(0);
    },
  };
}

/** The watch match of an entry shown now (keyboard announcements say "watched"). */
export function isWatched(root: Element): boolean {
  return root.getAttribute(WATCH_ATTRIBUTE) === 'match';
}

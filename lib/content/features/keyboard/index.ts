/**
 * Keyboard triage on listings (issue 6): next/previous entry, save, mark read, open, tag, with keys the
 * reader chooses (lib/settings/keyboard.ts). The current entry carries `data-paperlight-current` (a focus
 * ring drawn with outline, so nothing moves), is scrolled into view, and every move or action is announced
 * to screen readers. Keys are left alone while the reader types, with Ctrl/Alt/Meta, and on pages without
 * entries (./keys.ts).
 */
import { keyboardSetting, type KeyAction, type KeyboardSettings } from '../../../settings/keyboard';
import type { Setting } from '../../../settings/store';
import type { AnnotatedEntry, EntryFeature } from '../../entry-features';
import type { FeatureContext } from '../../paperlight';
import { installPageStyles } from '../page-styles';
import { Announcer } from './announcer';
import { actionFor } from './keys';
import { TagPrompt } from './tag-prompt';
import type { TriageLibrary } from './triage-library';

export const CURRENT_ATTRIBUTE = 'data-paperlight-current';

const CURRENT_CSS = `
[${CURRENT_ATTRIBUTE}][${CURRENT_ATTRIBUTE}] { outline: 3px solid #2563eb !important; outline-offset: 3px !important; opacity: 1 !important; }
`;

export interface KeyboardFeatureOptions {
  setting?: Pick<Setting<KeyboardSettings>, 'get' | 'watch'>;
  /** Read state and tags (the library's requests). */
  triage: TriageLibrary;
  /** Told about every entry the keyboard reaches (the seen feature). */
  onVisit?: (entry: AnnotatedEntry) => void;
  /** Opens a paper's page (tests: record instead of opening tabs). */
  open?: (url: string) => void;
}

export function keyboardFeature(context: FeatureContext, options: KeyboardFeatureOptions): EntryFeature {
  const { doc, signal, annotator, library } = context;
  const setting = options.setting ?? keyboardSetting;
  const announcer = new Announcer(doc);
  const prompt = new TagPrompt(doc);
  const open = options.open ?? ((url: string) => doc.defaultView?.open(url, '_blank', 'noopener'));
  let settings: KeyboardSettings | undefined;
  let current: Element | undefined;
  /** Where the current entry was in the list: the next key continues from there if it leaves the page. */
  let lastIndex = -1;
  let removeStyles: (() => void) | undefined;

  void setting.get().then((loaded) => {
    settings ??= loaded;
  });
  setting.watch((next) => {
    settings = next;
    if (!next.enabled) setCurrent(undefined);
  }, signal);

  function entryOf(root: Element | undefined, entries = annotator.entries()): AnnotatedEntry | undefined {
    return root ? entries.find((entry) => entry.root === root) : undefined;
  }

  function setCurrent(root: Element | undefined): void {
    if (current && current !== root) current.removeAttribute(CURRENT_ATTRIBUTE);
    current = root;
    if (!root) return;
    removeStyles ??= installPageStyles(doc, 'keyboard', CURRENT_CSS);
    root.setAttribute(CURRENT_ATTRIBUTE, '');
    scrollToEntry(root);
  }

  function scrollToEntry(root: Element): void {
    if (typeof root.scrollIntoView !== 'function') return;
    const view = doc.defaultView;
    const reduced = view?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const fits = root.getBoundingClientRect().height < (view?.innerHeight ?? 0) * 0.8;
    root.scrollIntoView({ block: fits ? 'center' : 'start', behavior: reduced ? 'auto' : 'smooth' });
  }

  /** With no current entry, the first move starts from what is on screen. */
  function firstOnScreen(entries: AnnotatedEntry[], direction: 1 | -1): number {
    const height = doc.defaultView?.innerHeight ?? Infinity;
    if (direction === 1) {
      const index = entries.findIndex((entry) => entry.root.getBoundingClientRect().bottom > 0);
      return index < 0 ? entries.length - 1 : index;
    }
    for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.root.getBoundingClientRect().top < height) return i;
    return 0;
  }

  function move(direction: 1 | -1): void {
    const entries = annotator.entries();
    if (entries.length === 0) return;
    const at = current ? entries.findIndex((entry) => entry.root === current) : -1;
    let index: number;
    if (at >= 0) index = Math.min(Math.max(at + direction, 0), entries.length - 1);
    else if (lastIndex >= 0) index = Math.min(Math.max(lastIndex + (direction === 1 ? 0 : -1), 0), entries.length - 1);
    else index = firstOnScreen(entries, direction);
    const entry = entries[index]!;
    const unchanged = entry.root === current;
    lastIndex = index;
    setCurrent(entry.root);
    options.onVisit?.(entry);
    const edge = unchanged ? (direction === 1 ? ' Last entry.' : ' First entry.') : '';
    announcer.say(`${index + 1} of ${entries.length}: ${entry.paper.title}. ${describeState(entry)}${edge}`);
  }

  function describeState(entry: AnnotatedEntry): string {
    const parts = [library.get(entry.paper.id).saved ? 'Saved.' : 'Not saved.'];
    if (entry.root.getAttribute('data-paperlight-watch') === 'match') parts.push('Watched.');
    return parts.join(' ');
  }

  async function save(entry: AnnotatedEntry): Promise<void> {
    const { paper, extraction } = entry;
    await library.toggle(paper, extraction);
    const state = library.get(paper.id);
    if (state.status === 'error') announcer.say(`Could not ${state.saved ? 'remove' : 'save'} “${paper.title}”: ${state.error ?? 'unknown error'}`);
    else announcer.say(`${state.saved ? 'Saved' : 'Removed from the library:'} “${paper.title}”.`);
  }

  async function tag(entry: AnnotatedEntry): Promise<void> {
    const suggestions = await options.triage.tagSuggestions().catch(() => []);
    const theme = entry.root.querySelector('[data-paperlight-host]')?.getAttribute('data-theme') === 'dark' ? 'dark' : 'light';
    const chosen = await prompt.ask({ title: entry.paper.title, suggestions, anchor: entry.root, theme });
    if (chosen === undefined) {
      announcer.say('Tagging cancelled.');
      return;
    }
    announcer.say(await options.triage.addTag(entry, chosen));
  }

  async function run(action: KeyAction, entry: AnnotatedEntry | undefined): Promise<void> {
    if (action === 'next') return move(1);
    if (action === 'previous') return move(-1);
    if (!entry) {
      announcer.say(`No entry chosen: press ${settings?.keys.next || 'the next-entry key'} first.`);
      return;
    }
    if (action === 'save') return save(entry);
    if (action === 'open') {
      open(entry.paper.url);
      announcer.say(`Opened “${entry.paper.title}” in a new tab.`);
      return;
    }
    if (action === 'markRead') {
      announcer.say(await options.triage.toggleRead(entry));
      return;
    }
    return tag(entry);
  }

  doc.addEventListener(
    'keydown',
    (event) => {
      if (!settings || prompt.isOpen) return;
      const action = actionFor(event, settings);
      if (!action) return;
      const entries = annotator.entries();
      if (entries.length === 0) return; // not a listing we annotate: the key is the page's
      event.preventDefault();
      event.stopPropagation();
      const entry = entryOf(current, entries);
      run(action, entry).catch((error: unknown) => {
        announcer.say(`That did not work: ${error instanceof Error ? error.message : String(error)}`);
      });
    },
    { signal },
  );
  signal.addEventListener(
    'abort',
    () => {
      prompt.close();
      announcer.destroy();
      removeStyles?.();
      current?.removeAttribute(CURRENT_ATTRIBUTE);
    },
    { once: true },
  );

  return {
    name: 'keyboard',
    entryUpdated() {
      // Nothing per entry: the keyboard walks annotator.entries() when a key is pressed.
    },
    entryRemoved(root) {
      if (root !== current) return;
      root.removeAttribute(CURRENT_ATTRIBUTE);
      current = undefined;
    },
    clear() {
      prompt.close();
      setCurrent(undefined);
      lastIndex = -1;
    },
  };
}

/**
 * The UI injected for one entry: a host element (`data-paperlight-id`, `data-paperlight-host`) with an
 * open shadow root holding our CSS and the EntryBar (save toggle + badge row, components/badges).
 */
import { EntryBar } from '../../components/badges/entry-bar';
import type { BadgeData } from '../../components/badges/types';
import { shadowRootCss } from '../../components/badges/styles';
import type { Extraction } from '../extract/types';
import type { PaperEntry } from '../paper';
import type { Theme } from '../sites/types';
import { badgesFor } from './entry-badges';
import type { LibraryState } from './library-state';

export const HOST_TAG = 'paperlight-entry';
/** Marks our hosts (also ones left behind by an older copy of the content script). */
export const HOST_ATTRIBUTE = 'data-paperlight-host';

/**
 * The page's own CSS outranks `:host` rules, so the host's reset is inline: `all: initial` keeps the
 * page's inherited fonts/colours/transforms out and its margins/borders off our element; display block
 * makes the row a line of its own below the entry's content.
 */
const HOST_STYLE = 'all: initial; display: block; margin-top: 6px;';

// Events that would otherwise bubble out of our UI into the page's handlers (delegated click handlers,
// keyboard shortcuts): what happens in our row stays in our row.
const CONTAINED_EVENTS = ['click', 'dblclick', 'keydown', 'keyup', 'keypress'];
/** One listener function for every host (not a closure per host and event). */
const stopPropagation = (event: Event) => event.stopPropagation();

export class EntryUi {
  readonly host: HTMLElement;
  private readonly bar: EntryBar;
  private paper: PaperEntry | undefined;
  private extraction: Extraction | undefined;
  private badges: BadgeData[] = [];
  private unsubscribe: (() => void) | undefined;

  constructor(
    doc: Document,
    private readonly library: LibraryState,
    theme: Theme,
  ) {
    this.host = doc.createElement(HOST_TAG);
    this.host.setAttribute(HOST_ATTRIBUTE, '');
    // Through the CSSOM, not a style attribute: a page CSP without 'unsafe-inline' blocks only the latter.
    this.host.style.cssText = HOST_STYLE;
    this.host.setAttribute('data-theme', theme);
    const shadow = this.host.attachShadow({ mode: 'open' });
    // The paper and extraction of the moment of the click (the site may have reused the entry since it was built).
    this.bar = new EntryBar(doc, () => {
      if (this.paper && this.extraction) void this.library.toggle(this.paper, this.extraction);
    });
    shadow.append(this.bar.element);
    adoptStyles(shadow, doc);
    for (const type of CONTAINED_EVENTS) this.host.addEventListener(type, stopPropagation);
  }

  /** Show (or switch to, when the site reused the entry for another paper) this paper. */
  show(paper: PaperEntry, extraction: Extraction): void {
    this.host.setAttribute('data-paperlight-id', paper.id);
    if (paper.id !== this.paper?.id) {
      this.unsubscribe?.();
      this.unsubscribe = this.library.subscribe(paper.id, () => rerenderSoon(this));
    }
    if (extraction !== this.extraction) this.badges = badgesFor(extraction);
    this.paper = paper;
    this.extraction = extraction;
    this.render();
  }

  setTheme(theme: Theme): void {
    this.host.setAttribute('data-theme', theme);
  }

  destroy(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.paper = undefined;
    waitingToRender.delete(this);
    this.bar.element.remove();
    this.host.remove();
  }

  /** Bring the bar up to date: the row is rebuilt only for new badges, the toggle only where it changed. */
  render(): void {
    const { paper } = this;
    if (!paper) return;
    this.bar.update({ badges: this.badges, state: this.library.get(paper.id), title: paper.title });
  }
}

/**
 * Saved-state changes reach the UIs a few at a time: the background's answer about 200 papers would
 * otherwise re-render 200 rows in one task. A click's own UI is first in line (a queue of one).
 */
const waitingToRender = new Set<EntryUi>();
const RENDER_BUDGET_MS = 8;
let renderTaskQueued = false;

function rerenderSoon(ui: EntryUi): void {
  waitingToRender.add(ui);
  if (renderTaskQueued) return;
  renderTaskQueued = true;
  setTimeout(renderSome, 0);
}

function renderSome(): void {
  renderTaskQueued = false;
  const start = performance.now();
  for (const ui of waitingToRender) {
    waitingToRender.delete(ui);
    ui.render();
    if (performance.now() - start >= RENDER_BUDGET_MS) break;
  }
  if (waitingToRender.size > 0 && !renderTaskQueued) {
    renderTaskQueued = true;
    setTimeout(renderSome, 0);
  }
}

/** One constructed stylesheet per document, shared by every shadow root (null: not supported here). */
const sharedSheets = new WeakMap<Document, CSSStyleSheet | null>();

/**
 * Our CSS in a shadow root. A constructed stylesheet is parsed once for all entries (2,000 on a big
 * listing) and, unlike a <style> element, is not subject to the page's CSP. Where it is unavailable
 * (Firefox content scripts cannot hand their own CSSStyleSheet objects to the page's shadow roots),
 * a <style> element carries the same text.
 */
function adoptStyles(shadow: ShadowRoot, doc: Document): void {
  let sheet = sharedSheets.get(doc);
  if (sheet === undefined) {
    try {
      const Sheet = doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
      sheet = new Sheet();
      sheet.replaceSync(shadowRootCss);
    } catch {
      sheet = null;
    }
    sharedSheets.set(doc, sheet);
  }
  if (sheet) {
    try {
      shadow.adoptedStyleSheets = [sheet];
      return;
    } catch {
      sharedSheets.set(doc, null);
    }
  }
  const style = doc.createElement('style');
  style.textContent = shadowRootCss;
  shadow.prepend(style);
}

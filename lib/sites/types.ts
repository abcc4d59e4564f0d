import type { PaperEntry } from '../paper';

/**
 * One site Paperlight annotates. One file per site in lib/sites/, registered in lib/sites/index.ts.
 * Adapters are pure DOM readers: they never throw (unknown markup → no entries) and never modify the page.
 *
 * A new site is one file exporting one of these; the content script (lib/content) does the rest:
 * watching the page, queueing, injecting the UI, saving, keeping up with client-side navigation.
 */
export interface SiteAdapter<Context = unknown> {
  /**
   * Stable name of the adapter (logs, lib/sites SITES grouping). `PaperEntry.site` is the site's name, which
   * several adapters of one site share (arXiv: listing, search, abstract and HTML pages all write 'arxiv').
   */
  name: string;
  /** Manifest match patterns for the content script. */
  matches: string[];
  /** URL detector: does this adapter handle pages at this URL? Pure. */
  isSupportedUrl(url: URL): boolean;
  /** Example URLs the detector accepts (used by the cross-adapter table test). */
  exampleUrls: string[];
  /**
   * Optional structural detector, for pages whose host no adapter claims (a mirror the user enabled,
   * issue 4): is this page built the way this adapter reads? Pure, cheap, never throws.
   */
  recognizesPage?(doc: Document): boolean;
  /**
   * CSS selector (alternatives joined by commas, one comment per variant at the definition) matching
   * every entry root on the page; the shared observer hands each new match to `readEntry`.
   */
  entrySelector: string;
  /**
   * Page-wide data read once per page state (e.g. Hugging Face's hydration JSON). Called again when
   * the page navigates client-side. `url` is the page's URL at that moment (it may differ from
   * `doc.location` while a client-side navigation is being announced).
   */
  readContext(doc: Document, url: URL): Context;
  /** Read one entry root, or undefined when it cannot be read (missing id, unknown layout). */
  readEntry(root: Element, context: Context): DetectedEntry | undefined;
  /**
   * The site's own colour scheme, when it has one (Hugging Face: `dark` class on <html>). Without
   * it the UI follows the browser's `prefers-color-scheme`. Re-read when <html>/<body> attributes change.
   */
  readTheme?(doc: Document): Theme;
}

export type Theme = 'light' | 'dark';

export interface DetectedEntry {
  paper: PaperEntry;
  /** The entry's root element: gets `data-paperlight-id`. */
  root: Element;
  /**
   * Insert the UI host element where it fits this layout without shifting the card's own content,
   * never inside a link. Called again (with the same host) when the site re-renders and drops it.
   */
  placeUi(host: HTMLElement): void;
  /** Elements holding the title / abstract text (for highlights); absent when the page has none. */
  titleElement?: Element;
  abstractElement?: Element;
}

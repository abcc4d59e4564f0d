import type { PaperEntry } from '../paper';

/**
 * One site Paperlight annotates. One file per site in lib/sites/, registered in lib/sites/index.ts.
 * Adapters are pure DOM readers: they never throw (unknown markup → no entries) and never modify the page.
 */
export interface SiteAdapter<Context = unknown> {
  /** Stable name, stored as `PaperEntry.site`. */
  name: string;
  /** Manifest match patterns for the content script. */
  matches: string[];
  /** URL detector: does this adapter handle pages at this URL? Pure. */
  isSupportedUrl(url: URL): boolean;
  /** Example URLs the detector accepts (used by the cross-adapter table test). */
  exampleUrls: string[];
  /**
   * CSS selector (alternatives joined by commas, one comment per variant at the definition) matching
   * every entry root on the page; the shared observer hands each new match to `readEntry`.
   */
  entrySelector: string;
  /**
   * Page-wide data read once per page state (e.g. Hugging Face's hydration JSON). Called again when
   * the page navigates client-side.
   */
  readContext(doc: Document): Context;
  /** Read one entry root, or undefined when it cannot be read (missing id, unknown layout). */
  readEntry(root: Element, context: Context): DetectedEntry | undefined;
}

export interface DetectedEntry {
  paper: PaperEntry;
  /** The entry's root element: gets `data-paperlight-id`. */
  root: Element;
  /** Insert the UI host element where it fits this layout without shifting the card's own content. */
  placeUi(host: HTMLElement): void;
  /** Elements holding the title / abstract text (for highlights); absent when the page has none. */
  titleElement?: Element;
  abstractElement?: Element;
}

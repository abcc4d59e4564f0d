/**
 * Keeps exactly one UI per detected entry, whatever the site does to its DOM.
 *
 * `annotate(root)` is the only way in, and it is idempotent: it reads the entry again and brings the
 * page to the state "this root carries data-paperlight-id and its one UI host, showing this paper".
 * - first time: create the UI, place it (adapter's `placeUi`), ask the library whether it is saved;
 * - same paper, UI still in place: nothing;
 * - same paper, UI dropped by a re-render: put the same host back (its shadow root and state survive);
 * - another paper (the site reused the element): the same UI switches to the new paper;
 * - no longer an entry: the UI goes.
 * `sweep()` drops the UIs of entries that left the page.
 *
 * Placement can be deferred (`deferPlacement`): the UI is built and rendered off the page, and put in place
 * by `placeDeferred(max)`. On a 2,000-entry listing, every insertion makes the browser lay out and repaint
 * the huge page once more before the next frame; inserting the entries far from the viewport in a few
 * batches instead of one frame per time slice saves most of that work (issue 4, tests/bench/page.ts).
 */
import type { Extraction, ExtractInput } from '../extract/types';
import type { PaperEntry } from '../paper';
import type { AnyAdapter } from '../sites';
import type { Theme } from '../sites/types';
import type { AnnotatedEntry, EntryFeature } from './entry-features';
import { EntryUi, HOST_ATTRIBUTE } from './entry-ui';
import type { LibraryState } from './library-state';

export const ID_ATTRIBUTE = 'data-paperlight-id';

/** A site that keeps dropping our host gets it back this many times, then we stop fighting it. */
const MAX_PLACEMENTS = 20;

interface EntryView {
  ui: EntryUi;
  paper: PaperEntry;
  placements: number;
  /** The latest reading of the entry, as features see it. */
  annotated?: AnnotatedEntry;
}

export type ExtractFn = (input: ExtractInput) => Extraction;

const NOTHING_FOUND: Extraction = { benchmarks: [], topics: [], results: [] };

interface CachedExtraction {
  title: string;
  abstract: string;
  extraction: Extraction;
}

export interface AnnotateOptions {
  /** Build the UI now, place it on the next `placeDeferred` (entries far from the viewport). */
  deferPlacement?: boolean;
}

export class PageAnnotator {
  private readonly views = new Map<Element, EntryView>();
  /** Entries whose UI waits for `placeDeferred`, in the order they were read (document order, mostly). */
  private readonly deferred = new Map<Element, () => void>();
  private readonly ownHosts = new WeakSet<Element>();
  /**
   * Extraction per paper and text: a re-rendered or reused card is not extracted again. Per id, the texts
   * it was read with (usually one): comparing the strings is cheaper than building and hashing a key of
   * the whole abstract for every reading.
   */
  private readonly extractions = new Map<string, CachedExtraction[]>();
  private theme: Theme = 'light';
  private readonly features: EntryFeature[] = [];

  constructor(
    private readonly doc: Document,
    private readonly library: LibraryState,
    private readonly extract: ExtractFn,
  ) {}

  /** Features (highlights, watch rules, ...) hear about every entry from now on, and about those already shown. */
  addFeature(feature: EntryFeature): void {
    this.features.push(feature);
    for (const view of this.views.values()) if (view.annotated) this.notify(feature, view.annotated);
  }

  /** The entries shown now, in document order (keyboard triage walks them). */
  entries(): AnnotatedEntry[] {
    const shown = [...this.views.values()].flatMap((view) => (view.annotated && view.annotated.root.isConnected ? [view.annotated] : []));
    return shown.sort((a, b) => (a.root.compareDocumentPosition(b.root) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }

  /** Read `root` with `adapter` and make the page show its UI exactly once. Returns whether it is an entry. */
  annotate(root: Element, adapter: AnyAdapter, context: unknown, options: AnnotateOptions = {}): boolean {
    if (!root.isConnected) return false;
    let entry;
    try {
      entry = adapter.readEntry(root, context);
    } catch (error) {
      console.warn(`Paperlight: the ${adapter.name} adapter failed on an entry`, error);
    }
    const view = this.views.get(root);
    if (!entry || entry.root !== root) {
      if (view) this.remove(root, view);
      return false;
    }
    const { paper } = entry;
    const extraction = this.extractionFor(paper);
    if (!view) {
      this.removeStrayHosts(root);
      const ui = new EntryUi(this.doc, this.library, this.theme);
      this.ownHosts.add(ui.host);
      ui.show(paper, extraction);
      this.views.set(root, { ui, paper, placements: 0 });
      this.library.queueStatus(paper.id);
    } else if (view.paper.id !== paper.id) {
      view.paper = paper;
      view.ui.show(paper, extraction);
      this.library.queueStatus(paper.id);
    }
    root.setAttribute(ID_ATTRIBUTE, paper.id);
    const current = this.views.get(root)!;
    if (!current.ui.host.isConnected && current.placements < MAX_PLACEMENTS) {
      const place = () => {
        current.placements++;
        if (current.placements === MAX_PLACEMENTS) console.warn(`Paperlight: the page keeps removing the UI of ${paper.id}; leaving it out.`);
        entry.placeUi(current.ui.host);
      };
      // A deferred entry read again keeps waiting (with this latest reading), unless it is now wanted at once.
      if (options.deferPlacement) this.deferred.set(root, place);
      else {
        this.deferred.delete(root);
        place();
      }
    }
    current.annotated = { root, paper, detected: entry, extraction };
    for (const feature of this.features) this.notify(feature, current.annotated);
    return true;
  }

  /** Entries whose UI is built but not placed yet. */
  get deferredCount(): number {
    return this.deferred.size;
  }

  /** Place up to `max` deferred UIs (of entries still on the page), oldest first. Returns how many wait still. */
  placeDeferred(max = Infinity): number {
    let placed = 0;
    for (const [root, place] of this.deferred) {
      if (placed >= max) break;
      this.deferred.delete(root);
      if (!root.isConnected || !this.views.has(root)) continue;
      try {
        place();
      } catch (error) {
        console.warn('Paperlight: could not place an entry UI', error);
      }
      placed++;
    }
    return this.deferred.size;
  }

  /** Drop the UIs of entries that are no longer in the page. */
  sweep(): void {
    for (const [root, view] of this.views) if (!root.isConnected) this.remove(root, view);
  }

  /** Remove every UI and every mark we made (unsupported page after navigation, script invalidated). */
  clear(): void {
    for (const [root, view] of this.views) this.remove(root, view);
    for (const feature of this.features) {
      try {
        feature.clear?.();
      } catch (error) {
        console.warn(`Paperlight: ${feature.name} failed to clear`, error);
      }
    }
  }

  isOwnHost(node: Node): boolean {
    return node instanceof Element && this.ownHosts.has(node);
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    for (const view of this.views.values()) view.ui.setTheme(theme);
  }

  get size(): number {
    return this.views.size;
  }

  private notify(feature: EntryFeature, entry: AnnotatedEntry): void {
    try {
      feature.entryUpdated(entry);
    } catch (error) {
      console.warn(`Paperlight: ${feature.name} failed on ${entry.paper.id}`, error);
    }
  }

  private remove(root: Element, view: EntryView): void {
    this.deferred.delete(root);
    for (const feature of this.features) {
      try {
        feature.entryRemoved(root, view.paper);
      } catch (error) {
        console.warn(`Paperlight: ${feature.name} failed to remove ${view.paper.id}`, error);
      }
    }
    view.ui.destroy();
    this.views.delete(root);
    if (root.getAttribute(ID_ATTRIBUTE) === view.paper.id) root.removeAttribute(ID_ATTRIBUTE);
  }

  /** Hosts in this entry that are not ours: left by an older copy of the content script (extension updated). */
  private removeStrayHosts(root: Element): void {
    for (const host of root.querySelectorAll(`[${HOST_ATTRIBUTE}]`)) if (!this.ownHosts.has(host)) host.remove();
  }

  private extractionFor(paper: PaperEntry): Extraction {
    const { title, abstract } = paper;
    let cached = this.extractions.get(paper.id);
    const found = cached?.find((entry) => entry.title === title && entry.abstract === abstract);
    if (found) return found.extraction;
    let extraction: Extraction;
    try {
      extraction = this.extract({ title, abstract });
    } catch (error) {
      console.warn(`Paperlight: extraction failed for ${paper.id}`, error);
      extraction = NOTHING_FOUND;
    }
    if (!cached) this.extractions.set(paper.id, (cached = []));
    cached.push({ title, abstract, extraction });
    return extraction;
  }
}

import type { Extraction } from '../extract/types';
import type { PaperEntry } from '../paper';
import type { DetectedEntry } from '../sites/types';

/** An entry as the annotator keeps it: what the adapter read, and what was extracted from it. */
export interface AnnotatedEntry {
  root: Element;
  paper: PaperEntry;
  detected: DetectedEntry;
  extraction: Extraction;
}

/**
 * A feature that works on every annotated entry besides the badge row and save toggle (highlights, watch
 * rules, keyboard triage, ...). One file per feature under lib/content/features/; registered in
 * lib/content/paperlight.ts. The annotator calls it; the feature never watches the page itself.
 */
export interface EntryFeature {
  name: string;
  /**
   * After the annotator brought an entry up to date: first sight, the paper changed, or the site re-rendered
   * something inside the entry (it is called again after every such change, also after the feature's own
   * DOM changes). Must be idempotent and cheap when nothing needs doing, and must not throw.
   */
  entryUpdated(entry: AnnotatedEntry): void;
  /** The entry left the page or stopped being an entry: undo what entryUpdated did to it. */
  entryRemoved(root: Element, paper: PaperEntry): void;
  /** The page state ended (navigation, script invalidated): drop everything. */
  clear?(): void;
}

import type { SavedPaper } from '../paper';
import type { LibraryPaper } from './schema';

/** What a page sends to save: the paper and what was extracted from it; the store adds the times. */
export type PaperToSave = Omit<SavedPaper, 'savedAt' | 'updatedAt'>;

/**
 * The record to store when `incoming` is saved and `stored` may already exist. Saving must be idempotent:
 * the messaging client resends a save whose reply was lost (MV3 stops the worker at any moment), and the
 * same paper gets saved from several pages.
 * - `savedAt` stays the first save's, so the newest-first list does not reorder on a re-save;
 * - a page that shows less never erases what a fuller page stored: search results shorten abstracts and
 *   cards may lack authors, so the abstract (with the topics and benchmarks extracted from it) is replaced
 *   only by one at least as long, and empty fields keep the stored value;
 * - fields added by later features (tags, notes, read state) are kept as they are;
 * - when nothing changes, the stored record itself is returned (same `updatedAt`; the caller writes nothing).
 */
export function mergeResave(stored: LibraryPaper | undefined, incoming: PaperToSave, now: number): LibraryPaper {
  if (!stored) return { ...incoming, savedAt: now, updatedAt: now };
  const keepStoredText = incoming.abstract.length < stored.abstract.length;
  const textSource = keepStoredText ? stored : incoming;
  const merged: LibraryPaper = {
    ...stored,
    site: incoming.site || stored.site,
    url: incoming.url || stored.url,
    title: incoming.title || stored.title,
    authors: incoming.authors.length > 0 ? incoming.authors : stored.authors,
    abstract: textSource.abstract,
    topics: textSource.topics,
    benchmarks: textSource.benchmarks,
    published: incoming.published ?? stored.published,
  };
  if (merged.published === undefined) delete merged.published;
  return sameContent(merged, stored) ? stored : { ...merged, updatedAt: now };
}

function sameContent(a: SavedPaper, b: SavedPaper): boolean {
  return JSON.stringify(contentOf(a)) === JSON.stringify(contentOf(b));
}

/** The fields a save writes, in a fixed order so that two records compare by value. */
function contentOf(paper: SavedPaper): unknown[] {
  return [
    paper.site,
    paper.url,
    paper.title,
    paper.authors,
    paper.abstract,
    paper.topics,
    paper.benchmarks,
    paper.published ?? null,
  ];
}

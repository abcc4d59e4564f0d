/**
 * How a record from elsewhere (a backup being restored, a paper put back by "undo") joins the one stored
 * here. The rules (issue 6: "newer edit wins, nothing dropped"):
 * - a paper or highlight only one side has is kept: an import never removes anything;
 * - for one both sides have, the side with the newer `updatedAt` wins: its title, links, tags, note and read
 *   state. Gaps in the winner (no abstract, no authors, no publication date) are filled from the other side,
 *   and the paper keeps the earliest `savedAt`;
 * - on a tie with different contents, the stored record stays and gains the other's tags (a union), its note
 *   when it has none, and its read state when it is unread: nothing either side wrote is lost.
 * Each function returns the stored record itself when nothing changes, so callers write only what differs.
 */
import type { LibraryPaper, StoredHighlight } from '../db/schema';
import { isRead, noteOf, tagsOf } from './paper-fields';
import { normalizeTags } from './tags';

export function mergePaper(stored: LibraryPaper | undefined, incoming: LibraryPaper): LibraryPaper {
  if (!stored) return incoming;
  let merged: LibraryPaper;
  if (incoming.updatedAt > stored.updatedAt) merged = fillGaps(incoming, stored);
  else if (incoming.updatedAt < stored.updatedAt) merged = fillGaps(stored, incoming);
  else merged = unionOnTie(fillGaps(stored, incoming), incoming);
  merged.savedAt = Math.min(stored.savedAt, incoming.savedAt);
  return samePaper(merged, stored) ? stored : merged;
}

export function mergeHighlight(stored: StoredHighlight | undefined, incoming: StoredHighlight): StoredHighlight {
  if (!stored || incoming.updatedAt <= stored.updatedAt) return stored ?? incoming;
  const merged = { ...incoming, createdAt: Math.min(stored.createdAt, incoming.createdAt) };
  return JSON.stringify(canonical(merged)) === JSON.stringify(canonical(stored)) ? stored : merged;
}

/** The winner, with what it lacks taken from the other record. */
function fillGaps(winner: LibraryPaper, other: LibraryPaper): LibraryPaper {
  const merged: LibraryPaper = { ...winner };
  if (!merged.abstract && other.abstract) {
    merged.abstract = other.abstract;
    // Topics and benchmarks were extracted from the abstract: they come with it.
    merged.topics = other.topics;
    merged.benchmarks = other.benchmarks;
  }
  if (merged.authors.length === 0) merged.authors = other.authors;
  if (merged.published === undefined && other.published !== undefined) merged.published = other.published;
  return merged;
}

function unionOnTie(stored: LibraryPaper, incoming: LibraryPaper): LibraryPaper {
  const merged: LibraryPaper = { ...stored };
  const tags = normalizeTags([...tagsOf(stored), ...tagsOf(incoming)]);
  if (tags.length > 0) merged.tags = tags;
  if (!noteOf(stored) && noteOf(incoming)) merged.note = noteOf(incoming);
  if (!isRead(stored) && isRead(incoming)) merged.readAt = incoming.readAt;
  return merged;

}

/** Same contents, whatever the key order and however "no tags / no note" is spelled. */
export function samePaper(a: LibraryPaper, b: LibraryPaper): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** A record's fields in a fixed order, absent reader fields as their defaults. */
function canonical(record: LibraryPaper | StoredHighlight): unknown[] {
  if ('paperId' in record) {
    const { id, paperId, field, color, note, quote, position, createdAt, updatedAt } = record;
    return [id, paperId, field, color, note, quote.exact, quote.prefix, quote.suffix, position.start, position.end, createdAt, updatedAt];
  }
  const p = record;
  return [
    p.id, p.site, p.url, p.title, p.authors, p.abstract, p.topics, p.benchmarks, p.published ?? null,
    p.savedAt, p.updatedAt, tagsOf(p), noteOf(p), p.readAt ?? null,
  ];
}

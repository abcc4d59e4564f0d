/**
 * What Paperlight syncs between a user's browsers (issue 6), and its compact form in `storage.sync`.
 *
 * One record per saved paper (key `p<id>`) and per highlight (key `h<id>`). A paper record carries what
 * lets another browser rebuild the library entry: when it was saved, its tags and read state, and (space
 * permitting, see ./pack.ts) its title, topics and benchmarks. A removal is a tombstone: the key and the
 * time of the removal, so that the other browsers remove it too instead of sending it back. Notes and
 * abstracts are not synced (too big for the browser's sync quota; they stay in this browser's IndexedDB).
 *
 * A paper's fields carry their own times (when the read state was set, when each tag was added or
 * removed), so two browsers' versions merge the same way whichever arrives first, and an edit is never
 * lost because another browser overwrote the item without having seen it (./merge.ts).
 *
 * In storage, a record is a JSON array ("row"), times in base 36 (ms since epoch: 8 characters):
 *   paper      [key, updatedAt, savedAt, tags, read 0|1, readAt, removed tags, title?, topic ids joined by " "?, benchmarks joined by \t?]
 *              tags: "tag|time" joined by \t ("" for none); readAt "" when never set
 *   highlight  [key, updatedAt, paperId, "t"|"a", colour, note, exact, prefix, suffix, start, end, createdAt]
 *   tombstone  [key, updatedAt]
 * Rows are read defensively: a row that is not one of these is skipped, never trusted.
 */
import type { PaperId } from '../paper';

export type RecordKey = string;
export type Row = (string | number)[];

/** The synced view of a saved paper. Details (title, topics, benchmarks) are absent from compact rows. */
export interface PaperState {
  id: PaperId;
  savedAt: number;
  updatedAt: number;
  /** Sorted, without duplicates. */
  tags: string[];
  read: boolean;
  details?: PaperDetails;
}

/** A paper as sync records keep it: the state plus the time of each field's last change. */
export interface PaperClock {
  id: PaperId;
  savedAt: number;
  /** The latest of all the times below: a removal must be newer than this to win. */
  updatedAt: number;
  read: boolean;
  /** When the read state was last set (0: never). */
  readAt: number;
  /** Tags on the paper, each with when it was (last) added. */
  tags: Record<string, number>;
  /** Tags taken off, each with when: so another browser does not add them back. */
  dropped: Record<string, number>;
  /**
   * The last time the paper was removed, when it was saved again since (0: never): read state and tags from
   * before are gone with the removal, also when an old version arrives later.
   */
  removedAt: number;
  details?: PaperDetails;
}

export interface PaperDetails {
  title: string;
  topics: string[];
  benchmarks: string[];
}

/** A highlight as issue 5 stores it (lib/db/schema.ts StoredHighlight), minus nothing: all of it is synced. */
export interface HighlightState {
  id: string;
  paperId: PaperId;
  field: 'title' | 'abstract';
  color: string;
  note: string;
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
  createdAt: number;
  updatedAt: number;
}

export type SyncRecord =
  | { key: RecordKey; kind: 'paper'; removed: false; updatedAt: number; paper: PaperClock }
  | { key: RecordKey; kind: 'highlight'; removed: false; updatedAt: number; highlight: HighlightState }
  | { key: RecordKey; kind: 'paper' | 'highlight'; removed: true; updatedAt: number };

/** Longest title kept in a synced record; the full one stays in the browser that saved the paper. */
export const MAX_SYNCED_TITLE = 200;

export const paperKey = (id: PaperId): RecordKey => `p${id}`;
export const highlightKey = (id: string): RecordKey => `h${id}`;

export function kindOfKey(key: RecordKey): 'paper' | 'highlight' | undefined {
  return key.startsWith('p') ? 'paper' : key.startsWith('h') ? 'highlight' : undefined;
}

export function paperRecord(paper: PaperClock): SyncRecord {
  return { key: paperKey(paper.id), kind: 'paper', removed: false, updatedAt: paper.updatedAt, paper };
}

export function highlightRecord(highlight: HighlightState): SyncRecord {
  return { key: highlightKey(highlight.id), kind: 'highlight', removed: false, updatedAt: highlight.updatedAt, highlight };
}

export function tombstone(key: RecordKey, updatedAt: number): SyncRecord | undefined {
  const kind = kindOfKey(key);
  return kind ? { key, kind, removed: true, updatedAt } : undefined;
}

const time = (ms: number) => Math.max(0, Math.round(ms)).toString(36);

/** The row of a record; `withDetails` false leaves a paper's details out (compact form). */
export function encodeRecord(record: SyncRecord, withDetails = true): Row {
  if (record.removed) return [record.key, time(record.updatedAt)];
  if (record.kind === 'paper') {
    const { paper } = record;
    const row: Row = [
      record.key,
      time(paper.updatedAt),
      time(paper.savedAt),
      encodeTagTimes(paper.tags),
      paper.read ? 1 : 0,
      paper.readAt > 0 ? time(paper.readAt) : '',
      encodeTagTimes(paper.dropped),
      paper.removedAt > 0 ? time(paper.removedAt) : '',
    ];
    if (withDetails && paper.details) {
      const { title, topics, benchmarks } = paper.details;
      row.push(title.slice(0, MAX_SYNCED_TITLE), topics.join(' '), benchmarks.join('\t'));
    }
    return row;
  }
  const h = record.highlight;
  return [
    record.key,
    time(h.updatedAt),
    h.paperId,
    h.field === 'title' ? 't' : 'a',
    h.color,
    h.note,
    h.quote.exact,
    h.quote.prefix,
    h.quote.suffix,
    h.position.start,
    h.position.end,
    time(h.createdAt),
  ];
}

/** The record in a row, or undefined when the row is not a valid one (never throws). */
export function decodeRow(row: unknown): SyncRecord | undefined {
  if (!Array.isArray(row) || typeof row[0] !== 'string' || row[0].length < 2) return undefined;
  const key = row[0];
  const updatedAt = readTime(row[1]);
  const kind = kindOfKey(key);
  if (updatedAt === undefined || !kind) return undefined;
  if (row.length === 2) return tombstone(key, updatedAt);
  return kind === 'paper' ? decodePaper(key, updatedAt, row) : decodeHighlight(key, updatedAt, row);
}

function decodePaper(key: RecordKey, updatedAt: number, row: unknown[]): SyncRecord | undefined {
  const [, , saved, tags, read, readAt, dropped, removed, title, topics, benchmarks] = row;
  const savedAt = readTime(saved);
  const tagTimes = decodeTagTimes(tags);
  const droppedTimes = decodeTagTimes(dropped);
  const readAtTime = readTimeOrNever(readAt);
  const removedAt = readTimeOrNever(removed);
  if (savedAt === undefined || !tagTimes || !droppedTimes || readAtTime === undefined || removedAt === undefined) return undefined;
  if (read !== 0 && read !== 1) return undefined;
  const paper: PaperClock = { id: key.slice(1), savedAt, updatedAt, read: read === 1, readAt: readAtTime, tags: tagTimes, dropped: droppedTimes, removedAt };
  if (typeof title === 'string' && typeof topics === 'string' && typeof benchmarks === 'string') {
    paper.details = {
      title,
      topics: topics.split(' ').filter(Boolean),
      benchmarks: benchmarks.split('\t').filter(Boolean),
    };
  }
  return paperRecord(paper);
}

/** "tag|time" joined by tabs; tags never hold a tab (lib/library/tags.ts), and the time is after the last "|". */
function encodeTagTimes(tags: Record<string, number>): string {
  return Object.entries(tags)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([tag, at]) => `${tag}|${time(at)}`)
    .join('\t');
}

function decodeTagTimes(value: unknown): Record<string, number> | undefined {
  if (typeof value !== 'string') return undefined;
  const tags: Record<string, number> = {};
  for (const part of value.split('\t')) {
    if (!part) continue;
    const bar = part.lastIndexOf('|');
    const at = bar > 0 ? readTime(part.slice(bar + 1)) : undefined;
    if (at === undefined) return undefined;
    tags[part.slice(0, bar)] = at;
  }
  return tags;
}

function decodeHighlight(key: RecordKey, updatedAt: number, row: unknown[]): SyncRecord | undefined {
  const [, , paperId, field, color, note, exact, prefix, suffix, start, end, created] = row;
  const createdAt = readTime(created);
  const strings = [paperId, color, note, exact, prefix, suffix];
  if (!strings.every((value) => typeof value === 'string') || (field !== 't' && field !== 'a')) return undefined;
  if (!isOffset(start) || !isOffset(end) || end < start || createdAt === undefined || (paperId as string).length === 0) return undefined;
  return highlightRecord({
    id: key.slice(1),
    paperId: paperId as string,
    field: field === 't' ? 'title' : 'abstract',
    color: color as string,
    note: note as string,
    quote: { exact: exact as string, prefix: prefix as string, suffix: suffix as string },
    position: { start, end },
    createdAt,
    updatedAt,
  });
}

function readTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^[0-9a-z]{1,11}$/.test(value)) return undefined;
  const ms = parseInt(value, 36);
  return Number.isSafeInteger(ms) ? ms : undefined;
}

function readTimeOrNever(value: unknown): number | undefined {
  return value === '' ? 0 : readTime(value);
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** The local view of a synced paper: what the library stores. */
export function plainPaper(paper: PaperClock): PaperState {
  return {
    id: paper.id,
    savedAt: paper.savedAt,
    updatedAt: paper.updatedAt,
    tags: Object.keys(paper.tags).sort(),
    read: paper.read,
    ...(paper.details ? { details: paper.details } : {}),
  };
}

/** Do the library's view of two papers say the same (tags, read state)? */
export function samePaper(a: Pick<PaperState, 'tags' | 'read'>, b: Pick<PaperState, 'tags' | 'read'>): boolean {
  return a.read === b.read && a.tags.join('\t') === b.tags.join('\t');
}

/** Do two highlights say the same (times aside)? */
export function sameHighlight(a: HighlightState, b: HighlightState): boolean {
  return highlightContent(a) === highlightContent(b);
}

export function highlightContent(h: HighlightState): string {
  const { paperId, field, color, note, quote, position, createdAt } = h;
  return JSON.stringify([paperId, field, color, note, quote.exact, quote.prefix, quote.suffix, position.start, position.end, createdAt]);
}

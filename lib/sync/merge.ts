/**
 * Merging synced records: this browser's version and the one in sync storage become one, and the result is
 * the same whichever browser merges and in which order versions arrive (so all browsers end up with the same
 * state, and writing it again changes nothing).
 *
 * - Only one side has the record: that side. Absence never means "removed" (a record may be absent from
 *   sync storage because it did not fit, see ./pack.ts); only a tombstone does.
 * - A removal against a paper or highlight: the removal wins only when it is newer than the latest edit of
 *   the other side; on a tie the item stays (nothing is dropped on a tie).
 * - Two versions of a paper: field by field, each with its own time. Read state: the later setting. Tags:
 *   each tag on its own, the later of "added" and "removed" (so tags added on two browsers at once are
 *   both kept, and a tag removed on one is not brought back by the other).
 * - Two versions of a highlight: the newer edit.
 *
 * `observeLocal` turns what the library stores (tags, read state, no per-field times) into a versioned
 * paper, by comparing it with the last merged version this browser kept (the base): what differs was
 * changed here, at the library record's updatedAt.
 */
import { TOMBSTONE_TTL_MS } from './constants';
import { highlightContent, paperRecord, type PaperClock, type PaperState, type SyncRecord } from './records';

/**
 * Merge the local and remote versions of one record. A paper's details (title, topics, benchmarks) come
 * from the remote version when it has them, else the local one: details are not edits, and preferring
 * what is already stored keeps two browsers with differently written titles from rewriting each other.
 */
export function mergeRecords(local: SyncRecord | undefined, remote: SyncRecord | undefined): SyncRecord | undefined {
  if (!remote) return local;
  if (!local) return remote;
  if (local.removed || remote.removed) {
    if (local.removed && remote.removed) return local.updatedAt >= remote.updatedAt ? local : remote;
    const [gone, kept] = local.removed ? [local, remote] : [remote, local];
    if (gone.updatedAt > kept.updatedAt) return gone;
    // The paper outlives a removal older than its last edit; what it had before that removal does not.
    return kept.kind === 'paper' && !kept.removed ? paperRecord(afterRemoval(kept.paper, gone.updatedAt)) : kept;
  }
  if (local.kind === 'paper' && remote.kind === 'paper') {
    return paperRecord({ ...mergeClocks(local.paper, remote.paper), details: remote.paper.details ?? local.paper.details });
  }
  if (local.kind === 'highlight' && remote.kind === 'highlight') {
    if (local.updatedAt !== remote.updatedAt) return local.updatedAt > remote.updatedAt ? local : remote;
    // Same time, different edits (two browsers in the same millisecond): any fixed choice, the same everywhere.
    return highlightContent(local.highlight) >= highlightContent(remote.highlight) ? local : remote;
  }
  return local.updatedAt >= remote.updatedAt ? local : remote;
}

export function mergeClocks(a: PaperClock, b: PaperClock): PaperClock {
  const removedAt = Math.max(a.removedAt, b.removedAt);
  const tags: Record<string, number> = {};
  const dropped: Record<string, number> = {};
  for (const tag of new Set([...Object.keys(a.tags), ...Object.keys(b.tags), ...Object.keys(a.dropped), ...Object.keys(b.dropped)])) {
    const added = latest(a.tags[tag], b.tags[tag]);
    const removed = latest(a.dropped[tag], b.dropped[tag]);
    if (added !== undefined && (removed === undefined || added >= removed)) tags[tag] = added;
    else if (removed !== undefined) dropped[tag] = removed;
  }
  const read = a.readAt !== b.readAt ? (a.readAt > b.readAt ? a.read : b.read) : a.read || b.read;
  return afterRemoval(
    {
      id: a.id,
      savedAt: Math.min(a.savedAt, b.savedAt),
      updatedAt: Math.max(a.updatedAt, b.updatedAt),
      read,
      readAt: Math.max(a.readAt, b.readAt),
      tags,
      dropped,
      removedAt,
      ...(a.details ?? b.details ? { details: a.details ?? b.details } : {}),
    },
    removedAt,
  );
}

/** The paper with what it had up to a removal at `removedAt` cleared (tags, read state, tag removals). */
function afterRemoval(paper: PaperClock, removedAt: number): PaperClock {
  if (removedAt <= 0) return paper;
  // Kept when as new as the removal: on a tie nothing is dropped.
  const keep = (times: Record<string, number>) => Object.fromEntries(Object.entries(times).filter(([, at]) => at >= removedAt));
  const readCleared = paper.readAt < removedAt;
  return {
    ...paper,
    removedAt: Math.max(paper.removedAt, removedAt),
    tags: keep(paper.tags),
    dropped: keep(paper.dropped),
    read: readCleared ? false : paper.read,
    readAt: readCleared ? 0 : paper.readAt,
  };
}

function latest(x: number | undefined, y: number | undefined): number | undefined {
  if (x === undefined) return y;
  if (y === undefined) return x;
  return Math.max(x, y);
}

/**
 * The versioned form of a paper as the library stores it now. `base` is the version this browser last
 * merged (undefined the first time): fields that differ from it were changed here, at `local.updatedAt`
 * (or `now` when the library's time is not newer, as after a clock change). Removed tags older than
 * TOMBSTONE_TTL_MS are forgotten.
 */
export function observeLocal(local: PaperState, base: PaperClock | undefined, now: number): PaperClock {
  const details = local.details ? { details: local.details } : {};
  if (!base) {
    return {
      id: local.id,
      savedAt: local.savedAt,
      updatedAt: local.updatedAt,
      read: local.read,
      readAt: local.read ? local.updatedAt : 0,
      tags: Object.fromEntries(local.tags.map((tag) => [tag, local.updatedAt])),
      dropped: {},
      removedAt: 0,
      ...details,
    };
  }
  const at = local.updatedAt > base.updatedAt ? local.updatedAt : now;
  const tags = { ...base.tags };
  const dropped: Record<string, number> = {};
  for (const [tag, removedAt] of Object.entries(base.dropped)) if (removedAt >= now - TOMBSTONE_TTL_MS) dropped[tag] = removedAt;
  let changed = false;
  const here = new Set(local.tags);
  for (const tag of here) {
    if (tag in tags) continue;
    tags[tag] = at;
    delete dropped[tag];
    changed = true;
  }
  for (const tag of Object.keys(tags)) {
    if (here.has(tag)) continue;
    delete tags[tag];
    dropped[tag] = at;
    changed = true;
  }
  let { read, readAt } = base;
  if (local.read !== base.read) {
    read = local.read;
    readAt = at;
    changed = true;
  }
  return {
    id: local.id,
    savedAt: Math.min(local.savedAt, base.savedAt),
    updatedAt: changed ? Math.max(base.updatedAt, at) : base.updatedAt,
    read,
    readAt,
    tags,
    dropped,
    removedAt: base.removedAt,
    ...details,
  };
}

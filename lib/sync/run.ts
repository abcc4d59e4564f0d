/**
 * One sync run: this browser's library (local, the truth here) and sync storage (remote: what the user's
 * other browsers wrote) become one state, record by record (./merge.ts). What changed for this browser is
 * applied to its library; what changed for the others is packed (./pack.ts) and written to sync storage in
 * one `set` (plus one `remove` for items that emptied).
 *
 * Every step is idempotent: a run cut short (worker stopped) is simply run again.
 */
import { TOMBSTONE_TTL_MS } from './constants';
import type { LocalChange, SyncLocalStore } from './local-store';
import { mergeRecords, observeLocal } from './merge';
import { DEFAULT_LIMITS, isSyncKey, pack, SYNC_QUOTA, unpack, type PackLimits, type Packed } from './pack';
import { classifyWriteError, type WriteFailure } from './quota';
import {
  decodeRow,
  encodeRecord,
  highlightKey,
  highlightRecord,
  paperKey,
  paperRecord,
  plainPaper,
  sameHighlight,
  samePaper,
  tombstone,
  type HighlightState,
  type PaperState,
  type RecordKey,
  type SyncRecord,
} from './records';
import type { SyncState } from './state';
import type { SyncStatus } from './status';

/** The part of `storage.sync` a run uses. */
export interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface RunDeps {
  sync: SyncArea;
  local: SyncLocalStore;
  state: SyncState;
  now: () => number;
  limits?: PackLimits;
  /** Told the exact text of each item written or removed (so the change events they cause are recognised). */
  onWrite?: (written: Record<string, string | undefined>) => void;
}

export type RunResult =
  | { ok: true; status: SyncStatus; wrote: boolean; applied: number }
  | { ok: false; failure: WriteFailure; status: SyncStatus; applied: number };

/** Fewer bytes per try after a "quota exceeded": the browser counts a little differently than we do. */
const SHRINK = 0.7;
const SPACE_TRIES = 4;

export async function runSync(deps: RunDeps): Promise<RunResult> {
  const now = deps.now();
  const expired = (record: SyncRecord) => record.removed && record.updatedAt < now - TOMBSTONE_TTL_MS;
  const [rawRemote, snapshot, base, removals] = await Promise.all([
    deps.sync.get(null),
    deps.local.snapshot(),
    deps.state.base(),
    deps.state.removals(),
  ]);
  const remote = unpack(rawRemote);
  const here = new Map<RecordKey, PaperState | HighlightState>();
  const local = new Map<RecordKey, SyncRecord>();
  for (const paper of snapshot.papers) {
    const key = paperKey(paper.id);
    const known = base.get(key);
    here.set(key, paper);
    local.set(key, paperRecord(observeLocal(paper, known && !known.removed && known.kind === 'paper' ? known.paper : undefined, now)));
  }
  for (const highlight of snapshot.highlights) {
    const key = highlightKey(highlight.id);
    here.set(key, highlight);
    local.set(key, highlightRecord(highlight));
  }
  for (const [key, at] of removals) {
    const removal = tombstone(key, at);
    if (removal && !local.has(key) && !expired(removal)) local.set(key, removal);
  }

  const merged = new Map<RecordKey, SyncRecord>();
  const changes: { key: RecordKey; change: LocalChange }[] = [];
  for (const key of new Set([...local.keys(), ...remote.keys()])) {
    const fromRemote = remote.get(key);
    const record = mergeRecords(local.get(key), fromRemote && !expired(fromRemote) ? fromRemote : undefined);
    if (!record || expired(record)) continue;
    merged.set(key, record);
    const change = localChangeFor(here.get(key), record);
    if (change) changes.push({ key, change });
  }

  const failed = changes.length > 0 ? await deps.local.apply(changes.map(({ change }) => change)) : new Set<RecordKey>();
  const applied = changes.length - failed.size;

  let limits = deps.limits ?? DEFAULT_LIMITS;
  let failure: WriteFailure | undefined;
  let packed = pack(merged.values(), limits);
  let wrote = false;
  for (let attempt = 1; attempt <= SPACE_TRIES; attempt++) {
    try {
      // After a refusal for space, every item is rewritten: items left as they were count against the quota too.
      wrote = await write(deps, rawRemote, packed, attempt > 1);
      failure = undefined;
      break;
    } catch (error) {
      failure = classifyWriteError(error);
      if (failure.kind !== 'space' || attempt === SPACE_TRIES) break;
      limits = { totalBytes: Math.floor(limits.totalBytes * SHRINK), itemBytes: Math.floor(limits.itemBytes * SHRINK) };
      packed = pack(merged.values(), limits);
    }
  }

  // The base is the merged state, whether or not the write went through (the next run merges with sync
  // storage again anyway). A change the library could not take keeps its old base: the library still shows
  // the old state, which must not look like an edit made here.
  const nextBase = new Map(merged);
  for (const key of failed) {
    const previous = base.get(key);
    if (previous) nextBase.set(key, previous);
    else nextBase.delete(key);
  }
  await deps.state.saveBase(nextBase.values());
  // A removal is kept until it expires, unless the item exists here again (saved anew since).
  await deps.state.pruneRemovals((key, at) => !here.has(key) && at >= now - TOMBSTONE_TTL_MS);

  const status = statusOf(packed, merged, now, failure);
  await deps.state.saveStatus(status);
  return failure ? { ok: false, failure, status, applied } : { ok: true, status, wrote, applied };
}

/** What the local library must do to hold `merged`, or undefined when it already does. */
function localChangeFor(current: PaperState | HighlightState | undefined, merged: SyncRecord): LocalChange | undefined {
  if (merged.removed) {
    if (!current) return undefined;
    return merged.kind === 'paper' ? { type: 'remove-paper', id: current.id } : { type: 'remove-highlight', id: current.id };
  }
  if (merged.kind === 'paper') {
    const paper = plainPaper(merged.paper);
    const existing = current as PaperState | undefined;
    if (existing && samePaper(existing, paper)) return undefined;
    return { type: 'put-paper', paper, existing };
  }
  const existing = current as HighlightState | undefined;
  if (existing && sameHighlight(existing, merged.highlight)) return undefined;
  return { type: 'put-highlight', highlight: merged.highlight };
}

/**
 * Write the items whose records differ from sync storage: one remove for emptied items, one set for changed
 * ones. Items are compared without the papers' details: two browsers that pack a title or not (their room
 * differs) must not rewrite each other's items for that alone.
 */
async function write(deps: RunDeps, rawRemote: Record<string, unknown>, packed: Packed, everything: boolean): Promise<boolean> {
  const changed: Record<string, unknown> = {};
  const written: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(packed.items)) {
    if (!everything && signature(rawRemote[key]) === signature(value)) continue;
    changed[key] = value;
    written[key] = JSON.stringify(value);
  }
  const emptied = Object.keys(rawRemote).filter((key) => isSyncKey(key) && !(key in packed.items));
  for (const key of emptied) written[key] = undefined;
  if (emptied.length === 0 && Object.keys(changed).length === 0) return false;
  deps.onWrite?.(written);
  // Removing first: the space an emptied item frees counts for the set.
  if (emptied.length > 0) await deps.sync.remove(emptied);
  if (Object.keys(changed).length > 0) await deps.sync.set(changed);
  return true;
}

/** An item's records in compact form, sorted: what it says, details aside. Unreadable items differ from all. */
function signature(value: unknown): string {
  if (!Array.isArray(value)) return `unreadable:${JSON.stringify(value)}`;
  const rows = value.map((row) => {
    const record = decodeRow(row);
    return record ? JSON.stringify(encodeRecord(record, false)) : `unreadable:${JSON.stringify(row)}`;
  });
  return rows.sort().join('\n');
}

function statusOf(
  packed: Packed,
  merged: Map<RecordKey, SyncRecord>,
  now: number,
  failure: WriteFailure | undefined,
): SyncStatus {
  // After this run, every record merged and not removed is in this browser's library.
  let localPapers = 0;
  let localHighlights = 0;
  for (const record of merged.values()) {
    if (record.removed) continue;
    if (record.kind === 'paper') localPapers++;
    else localHighlights++;
  }
  let papers = 0;
  let highlights = 0;
  let removals = 0;
  for (const key of packed.included) {
    const record = merged.get(key)!;
    if (record.removed) removals++;
    else if (record.kind === 'paper') papers++;
    else highlights++;
  }
  const counts = {
    papers: { local: localPapers, synced: papers, withDetails: packed.withDetails.size },
    highlights: { local: localHighlights, synced: highlights },
    removals,
    bytes: packed.bytes,
    quotaBytes: SYNC_QUOTA.bytes,
  };
  if (!failure) return { state: 'idle', lastSyncedAt: now, ...counts };
  if (failure.kind === 'rate') {
    return { state: 'waiting', message: 'The browser limits how often extensions write to sync storage; Paperlight tries again shortly.', retryAt: now + failure.waitMs, ...counts };
  }
  return { state: 'error', message: `Could not write to the browser's sync storage: ${failure.message}`, ...counts };
}

/**
 * Records → `storage.sync` items, within the browser's quotas (Chrome and Firefox alike):
 * QUOTA_BYTES 102,400 in all, QUOTA_BYTES_PER_ITEM 8,192 (key + JSON of the value, in UTF-8 bytes),
 * MAX_ITEMS 512.
 *
 * Records go to SYNC_BUCKETS items by a hash of their key (`pl1:b<n>`, each an array of rows), so an edit
 * rewrites one ~3 KB item, not the whole library, and two browsers editing different papers rarely write
 * the same item. Newest edits first, in three passes (see `pack`): compact records, then details (title,
 * topics, benchmarks) for the newest papers, then more compact records. What does not fit is left out of sync storage and stays in this browser only (reported to the
 * options page); a record left out is never taken for a removal (./merge.ts).
 */
import { decodeRow, encodeRecord, type RecordKey, type Row, type SyncRecord } from './records';

export const SYNC_PREFIX = 'pl1:';
export const SYNC_BUCKETS = 32;

/** The browser's limits (the same in Chrome and Firefox). */
export const SYNC_QUOTA = { bytes: 102_400, bytesPerItem: 8_192, maxItems: 512 };

export interface PackLimits {
  totalBytes: number;
  itemBytes: number;
}

/** A margin below the browser's quotas, for byte counting that differs from ours by a little. */
/** Part of the budget the first, compact-only pass may fill (see `pack`). */
const COMPACT_SHARE = 0.55;

export const DEFAULT_LIMITS: PackLimits = { totalBytes: SYNC_QUOTA.bytes - 2_400, itemBytes: SYNC_QUOTA.bytesPerItem - 192 };

export interface Packed {
  items: Record<string, Row[]>;
  /** Keys of the records in `items`. */
  included: Set<RecordKey>;
  /** Papers included with their details. */
  withDetails: Set<RecordKey>;
  /** Records that did not fit, newest first. */
  left: RecordKey[];
  /** Bytes the items take, as the browser counts them. */
  bytes: number;
}

export function bucketKey(bucket: number): string {
  return `${SYNC_PREFIX}b${bucket}`;
}

export function isSyncKey(key: string): boolean {
  return key.startsWith(SYNC_PREFIX);
}

export function bucketOf(key: RecordKey): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % SYNC_BUCKETS;
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a text. */
export function byteLength(text: string): number {
  return encoder.encode(text).length;
}

/** Bytes of one item as the browser counts them against its quotas. */
export function itemBytes(key: string, value: unknown): number {
  return byteLength(key) + byteLength(JSON.stringify(value));
}

/** Newest edit first; ties by key, so every browser packs the same records the same way. */
function byPriority(a: SyncRecord, b: SyncRecord): number {
  return b.updatedAt - a.updatedAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

export function pack(records: Iterable<SyncRecord>, limits: PackLimits = DEFAULT_LIMITS): Packed {
  const ordered = [...records].sort(byPriority);
  const rows = new Map<number, Map<RecordKey, Row>>();
  // An empty bucket item costs its key and "[]"; each row adds its JSON and a comma.
  const bucketBytes = new Map<number, number>();
  let total = 0;
  const included = new Set<RecordKey>();
  const withDetails = new Set<RecordKey>();
  const left: RecordKey[] = [];

  const tryAdd = (bucket: number, extra: number, budget: number): boolean => {
    const existing = bucketBytes.get(bucket);
    const cost = extra + (existing === undefined ? byteLength(bucketKey(bucket)) + 2 : 0);
    const size = (existing ?? 0) + cost;
    if (size > limits.itemBytes || total + cost > budget) return false;
    bucketBytes.set(bucket, size);
    total += cost;
    return true;
  };

  const addCompact = (record: SyncRecord, budget: number): boolean => {
    const row = encodeRecord(record, false);
    const bucket = bucketOf(record.key);
    if (!tryAdd(bucket, byteLength(JSON.stringify(row)) + 1, budget)) return false;
    included.add(record.key);
    if (!rows.has(bucket)) rows.set(bucket, new Map());
    rows.get(bucket)!.set(record.key, row);
    return true;
  };

  // 1. The newest records in compact form, in part of the budget; 2. details for the newest papers among
  // them; 3. more compact records in what is left. A big library so syncs many saved ids, and titles for
  // the recent ones, rather than titles for a few or ids alone.
  const compactShare = Math.floor(limits.totalBytes * COMPACT_SHARE);
  let next = 0;
  for (; next < ordered.length; next++) if (!addCompact(ordered[next]!, compactShare)) break;
  for (const record of ordered.slice(0, next)) {
    if (record.removed || record.kind !== 'paper' || !record.paper.details || !included.has(record.key)) continue;
    const bucket = bucketOf(record.key);
    const compact = rows.get(bucket)!.get(record.key)!;
    const full = encodeRecord(record, true);
    if (tryAdd(bucket, byteLength(JSON.stringify(full)) - byteLength(JSON.stringify(compact)), limits.totalBytes)) {
      rows.get(bucket)!.set(record.key, full);
      withDetails.add(record.key);
    }
  }
  for (const record of ordered.slice(next)) if (!addCompact(record, limits.totalBytes)) left.push(record.key);

  const items: Record<string, Row[]> = {};
  let bytes = 0;
  for (const [bucket, bucketRows] of [...rows].sort(([a], [b]) => a - b)) {
    // Rows sorted by key: the same records give the same item text, so an unchanged bucket is not rewritten.
    const value = [...bucketRows].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row);
    items[bucketKey(bucket)] = value;
    bytes += itemBytes(bucketKey(bucket), value);
  }
  return { items, included, withDetails, left, bytes };
}

/**
 * The records in sync storage's items (ours: keys with SYNC_PREFIX). Rows that cannot be read are skipped;
 * a key found twice (two writers' buckets crossing) keeps the newer record.
 */
export function unpack(items: Record<string, unknown>): Map<RecordKey, SyncRecord> {
  const records = new Map<RecordKey, SyncRecord>();
  for (const [key, value] of Object.entries(items)) {
    if (!isSyncKey(key) || !Array.isArray(value)) continue;
    for (const row of value) {
      const record = decodeRow(row);
      if (!record) continue;
      const known = records.get(record.key);
      if (!known || record.updatedAt > known.updatedAt) records.set(record.key, record);
    }
  }
  return records;
}

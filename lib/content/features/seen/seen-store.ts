/**
 * Which papers the reader has already seen on a listing, kept compactly in `storage.local`.
 *
 * Why storage.local and not IndexedDB: content scripts read and write it directly, so recording what
 * scrolls past never wakes the background worker (a 2,000-entry page would otherwise send a message every
 * few seconds), and it needs no new database version (v5 belongs to the library data). The data is small
 * and cheap to lose: the worst a lost write does is leave an entry undimmed.
 *
 * Layout: SEEN_BUCKETS keys `reading:seen:<n>` (a paper goes to the bucket its id hashes to, so a page's
 * write touches a few keys, not one huge value). Each bucket maps the day a paper was first seen (days since
 * 1970, as text) to the ids first seen that day, space-separated: about 11 bytes per arXiv id. Each bucket
 * keeps at most SEEN_CAP_PER_BUCKET ids, dropping the oldest days first: 16 × 2,500 = 40,000 papers, a few
 * weeks of full arXiv /new listings, about half a megabyte at most.
 *
 * Two tabs writing the same bucket at the same moment can lose one's additions (storage has no
 * transactions); each write re-reads the buckets it changes right before writing to keep that window short.
 */
import { browser } from 'wxt/browser';
import type { PaperId } from '../../../paper';

export const SEEN_BUCKETS = 16;
export const SEEN_CAP_PER_BUCKET = 2500;
const KEY_PREFIX = 'reading:seen:';
const DAY_MS = 86_400_000;

/** Ids first seen, grouped by day number (as a string key). */
export type SeenBucket = Record<string, string>;

export interface StorageAreaLike {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export function seenBucketOf(id: PaperId): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % SEEN_BUCKETS;
}

export function seenKey(bucket: number): string {
  return `${KEY_PREFIX}${bucket}`;
}

export function dayOf(time: number): number {
  return Math.floor(time / DAY_MS);
}

/** A stored bucket, or an empty one when the value is not a bucket (never throws on damaged data). */
export function readBucket(raw: unknown): SeenBucket {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const bucket: SeenBucket = {};
  for (const [day, ids] of Object.entries(raw as Record<string, unknown>)) {
    if (/^\d+$/.test(day) && typeof ids === 'string' && ids.length > 0) bucket[day] = ids;
  }
  return bucket;
}

export function idsInBucket(bucket: SeenBucket): PaperId[] {
  return Object.values(bucket).flatMap((ids) => ids.split(' ').filter(Boolean));
}

/**
 * The bucket with `ids` added as first seen on `day` (ids already in it keep their first day), cut to `cap`
 * ids by dropping whole days, oldest first (today's ids are kept even if they alone exceed the cap).
 */
export function addToBucket(bucket: SeenBucket, ids: readonly PaperId[], day: number, cap = SEEN_CAP_PER_BUCKET): SeenBucket {
  const known = new Set(idsInBucket(bucket));
  const fresh = [...new Set(ids)].filter((id) => id.length > 0 && !id.includes(' ') && !known.has(id));
  if (fresh.length === 0) return bucket;
  const next: SeenBucket = { ...bucket };
  const today = String(day);
  next[today] = next[today] ? `${next[today]} ${fresh.join(' ')}` : fresh.join(' ');
  let total = known.size + fresh.length;
  const days = Object.keys(next).sort((a, b) => Number(a) - Number(b));
  for (const oldest of days) {
    if (total <= cap || oldest === today) break;
    total -= next[oldest]!.split(' ').length;
    delete next[oldest];
  }
  return next;
}

export class SeenStore {
  private readonly pending = new Set<PaperId>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly area: StorageAreaLike = browser.storage.local,
    private readonly flushDelayMs = 2000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Every id seen so far. */
  async load(): Promise<Set<PaperId>> {
    const keys = Array.from({ length: SEEN_BUCKETS }, (_, bucket) => seenKey(bucket));
    const stored = await this.area.get(keys);
    return new Set(keys.flatMap((key) => idsInBucket(readBucket(stored[key]))));
  }

  /** Record ids as seen (written in one batch a moment later). */
  add(ids: Iterable<PaperId>): void {
    for (const id of ids) this.pending.add(id);
    if (this.pending.size > 0) this.timer ??= setTimeout(() => void this.flush(), this.flushDelayMs);
  }

  /** Write what is pending now (also when the page goes away). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return this.writing;
    const ids = [...this.pending];
    this.pending.clear();
    this.writing = this.writing.then(() => this.write(ids)).catch((error: unknown) => {
      console.warn('Paperlight: could not record which papers were seen', error);
    });
    return this.writing;
  }

  private async write(ids: PaperId[]): Promise<void> {
    const byBucket = new Map<number, PaperId[]>();
    for (const id of ids) {
      const bucket = seenBucketOf(id);
      byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), id]);
    }
    const keys = [...byBucket.keys()].map(seenKey);
    const stored = await this.area.get(keys);
    const day = dayOf(this.now());
    const changes: Record<string, SeenBucket> = {};
    for (const [bucket, bucketIds] of byBucket) {
      const before = readBucket(stored[seenKey(bucket)]);
      const after = addToBucket(before, bucketIds, day);
      if (after !== before) changes[seenKey(bucket)] = after;
    }
    if (Object.keys(changes).length > 0) await this.area.set(changes);
  }
}

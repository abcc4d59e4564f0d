/**
 * What the sync engine remembers between runs, in storage.local (this browser only):
 * - the base: per record key, the record as this browser last merged it (rows without details): what the
 *   library held then, so that a later difference is known to be an edit made here (lib/sync/merge.ts);
 * - the removals: per record key, when this browser removed a paper or highlight, until the tombstone has
 *   had time to reach the other browsers (TOMBSTONE_TTL_MS).
 */
import { decodeRow, encodeRecord, type RecordKey, type Row, type SyncRecord } from './records';
import { SYNC_STATUS_KEY, type SyncStatus } from './status';

export const BASE_KEY = 'sync:base';
export const REMOVALS_KEY = 'sync:removals';
export { TOMBSTONE_TTL_MS } from './constants';

export interface LocalArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export class SyncState {
  /** Removal-list writes, one after the other: a removal recorded while a run prunes the list must not be lost. */
  private removalWrites: Promise<unknown> = Promise.resolve();

  constructor(private readonly area: LocalArea) {}

  async base(): Promise<Map<RecordKey, SyncRecord>> {
    const stored = (await this.area.get(BASE_KEY))[BASE_KEY];
    const base = new Map<RecordKey, SyncRecord>();
    if (!Array.isArray(stored)) return base;
    for (const row of stored) {
      const record = decodeRow(row);
      if (record) base.set(record.key, record);
    }
    return base;
  }

  async saveBase(records: Iterable<SyncRecord>): Promise<void> {
    const rows: Row[] = [...records].map((record) => encodeRecord(record, false));
    await this.area.set({ [BASE_KEY]: rows });
  }

  async removals(): Promise<Map<RecordKey, number>> {
    const stored = (await this.area.get(REMOVALS_KEY))[REMOVALS_KEY];
    const removals = new Map<RecordKey, number>();
    if (typeof stored !== 'object' || stored === null) return removals;
    for (const [key, at] of Object.entries(stored as Record<string, unknown>)) {
      if (typeof at === 'number' && Number.isFinite(at)) removals.set(key, at);
    }
    return removals;
  }

  /** Remember that this browser removed `key` at `at` (called as the removal happens). */
  recordRemoval(key: RecordKey, at: number): Promise<void> {
    return this.updateRemovals((removals) => {
      removals.set(key, Math.max(at, removals.get(key) ?? 0));
    });
  }

  /** Forget the removals `keep` says no (expired, or the item exists again). */
  pruneRemovals(keep: (key: RecordKey, at: number) => boolean): Promise<void> {
    return this.updateRemovals((removals) => {
      for (const [key, at] of removals) if (!keep(key, at)) removals.delete(key);
    });
  }

  private updateRemovals(change: (removals: Map<RecordKey, number>) => void): Promise<void> {
    const update = this.removalWrites.then(async () => {
      const removals = await this.removals();
      change(removals);
      await this.area.set({ [REMOVALS_KEY]: Object.fromEntries(removals) });
    });
    this.removalWrites = update.catch(() => {});
    return update;
  }

  async saveStatus(status: SyncStatus): Promise<void> {
    await this.area.set({ [SYNC_STATUS_KEY]: status });
  }
}

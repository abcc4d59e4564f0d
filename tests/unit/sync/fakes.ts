/**
 * Stand-ins for sync tests: a sync storage area that enforces the browser's quotas and write limits with
 * the browser's own error messages, and an in-memory library (the SyncLocalStore of one browser).
 */
import type { LocalChange, LocalSnapshot, SyncLocalStore } from '../../../lib/sync/local-store';
import { SYNC_QUOTA } from '../../../lib/sync/pack';
import { normalizeTags } from '../../../lib/library/tags';
import type { HighlightState, PaperState } from '../../../lib/sync/records';
import type { SyncArea } from '../../../lib/sync/run';

export interface RawArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** A plain in-memory area (another browser's copy of sync storage). */
export function memoryArea(): RawArea & { data: Map<string, unknown>; get(keys?: unknown): Promise<Record<string, unknown>> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (_keys?: unknown) => Object.fromEntries([...data].map(([key, value]) => [key, structuredClone(value)])),
    set: async (items) => {
      for (const [key, value] of Object.entries(items)) data.set(key, JSON.parse(JSON.stringify(value)));
    },
    remove: async (keys) => {
      for (const key of keys) data.delete(key);
    },
  };
}

const bytes = (text: string) => new TextEncoder().encode(text).length;

export interface QuotaOptions {
  quotaBytes?: number;
  perItem?: number;
  maxItems?: number;
  /** Writes allowed per minute of the `clock`. */
  writesPerMinute?: number;
  clock?: () => number;
}

/**
 * Wraps an area with Chrome's checks: a set that would exceed a quota is refused whole, with Chrome's
 * message ("QUOTA_BYTES_PER_ITEM quota exceeded"...), and so is a write beyond the per-minute limit.
 */
export function quotaArea(inner: RawArea, options: QuotaOptions = {}): SyncArea & { writes: number; refused: string[] } {
  const quota = options.quotaBytes ?? SYNC_QUOTA.bytes;
  const perItem = options.perItem ?? SYNC_QUOTA.bytesPerItem;
  const maxItems = options.maxItems ?? SYNC_QUOTA.maxItems;
  const clock = options.clock ?? Date.now;
  const writeTimes: number[] = [];
  const area = {
    writes: 0,
    refused: [] as string[],
    get: (keys: null) => inner.get(keys),
    async set(items: Record<string, unknown>) {
      checkRate();
      const current = await inner.get(null);
      const next = { ...current, ...items };
      for (const [key, value] of Object.entries(items)) {
        if (bytes(key) + bytes(JSON.stringify(value)) > perItem) refuse('QUOTA_BYTES_PER_ITEM quota exceeded');
      }
      if (Object.keys(next).length > maxItems) refuse('MAX_ITEMS quota exceeded');
      const total = Object.entries(next).reduce((sum, [key, value]) => sum + bytes(key) + bytes(JSON.stringify(value)), 0);
      if (total > quota) refuse('QUOTA_BYTES quota exceeded');
      area.writes++;
      await inner.set(items);
    },
    async remove(keys: string[]) {
      checkRate();
      area.writes++;
      await inner.remove(keys);
    },
  };
  function refuse(message: string): never {
    area.refused.push(message);
    throw new Error(message);
  }
  function checkRate(): void {
    const now = clock();
    while (writeTimes.length > 0 && writeTimes[0]! <= now - 60_000) writeTimes.shift();
    if (options.writesPerMinute !== undefined && writeTimes.length >= options.writesPerMinute) {
      refuse('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    }
    writeTimes.push(now);
  }
  return area;
}

/** Copy every item of `from` that differs into `to`, as the browser's sync service does (per item, last writer wins). */
export async function replicate(from: RawArea, to: RawArea): Promise<void> {
  const source = await from.get(null);
  const target = await to.get(null);
  const changed = Object.fromEntries(Object.entries(source).filter(([key, value]) => JSON.stringify(target[key]) !== JSON.stringify(value)));
  const gone = Object.keys(target).filter((key) => !(key in source));
  if (gone.length > 0) await to.remove(gone);
  if (Object.keys(changed).length > 0) await to.set(changed);
}

/** One browser's library, in memory. */
export class MemoryLibrary implements SyncLocalStore {
  readonly papers = new Map<string, PaperState>();
  readonly highlights = new Map<string, HighlightState>();
  applied: LocalChange[] = [];
  /** Keys whose changes fail to apply (a full disk, say). */
  failing = new Set<string>();

  constructor(private readonly clock: () => number) {}

  save(id: string, extra: Partial<PaperState> = {}): PaperState {
    const now = this.clock();
    const paper: PaperState = {
      id,
      savedAt: now,
      updatedAt: now,
      tags: [],
      read: false,
      details: { title: `Title of ${id}`, topics: ['agents'], benchmarks: ['GSM8K'] },
      ...extra,
    };
    this.papers.set(id, paper);
    return paper;
  }

  edit(id: string, change: Partial<Pick<PaperState, 'tags' | 'read'>>): void {
    const paper = this.papers.get(id)!;
    this.papers.set(id, { ...paper, ...change, tags: normalizeTags(change.tags ?? paper.tags), updatedAt: this.clock() });
  }

  remove(id: string): void {
    this.papers.delete(id);
  }

  highlight(id: string, paperId: string, extra: Partial<HighlightState> = {}): HighlightState {
    const now = this.clock();
    const highlight: HighlightState = {
      id,
      paperId,
      field: 'abstract',
      color: 'yellow',
      note: '',
      quote: { exact: 'the passage', prefix: 'before ', suffix: ' after' },
      position: { start: 10, end: 21 },
      createdAt: now,
      updatedAt: now,
      ...extra,
    };
    this.highlights.set(id, highlight);
    return highlight;
  }

  async snapshot(): Promise<LocalSnapshot> {
    return { papers: [...this.papers.values()].map((p) => structuredClone(p)), highlights: [...this.highlights.values()].map((h) => structuredClone(h)) };
  }

  async apply(changes: readonly LocalChange[]): Promise<Set<string>> {
    const failed = new Set<string>();
    for (const change of changes) {
      const key = change.type.endsWith('paper')
        ? `p${change.type === 'put-paper' ? change.paper.id : (change as { id: string }).id}`
        : `h${change.type === 'put-highlight' ? change.highlight.id : (change as { id: string }).id}`;
      if (this.failing.has(key)) {
        failed.add(key);
        continue;
      }
      this.applied.push(change);
      // Applying stamps the record with the time it was written here, as the real library does.
      if (change.type === 'put-paper') {
        const details = change.paper.details ?? this.papers.get(change.paper.id)?.details;
        this.papers.set(change.paper.id, { ...structuredClone(change.paper), details, updatedAt: this.clock() });
      }
      else if (change.type === 'remove-paper') this.papers.delete(change.id);
      else if (change.type === 'put-highlight') this.highlights.set(change.highlight.id, structuredClone(change.highlight));
      else this.highlights.delete(change.id);
    }
    return failed;
  }
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.UTC(2026, 9, 1)): { now: () => number; advance(ms: number): void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

import { describe, expect, it } from 'vitest';
import { bucketKey, DEFAULT_LIMITS, itemBytes, pack, SYNC_BUCKETS, SYNC_QUOTA, unpack } from '../../../lib/sync/pack';
import { highlightRecord, paperRecord, tombstone, type SyncRecord } from '../../../lib/sync/records';

const T = Date.UTC(2026, 8, 1);

function papers(count: number, titleLength = 90): SyncRecord[] {
  return Array.from({ length: count }, (_, i) =>
    paperRecord({
      id: `2609.${String(10000 + i)}`,
      savedAt: T + i * 1000,
      updatedAt: T + i * 1000,
      tags: i % 3 === 0 ? { group: T, 'to-read': T } : {},
      dropped: {},
      removedAt: 0,
      read: i % 2 === 0,
      readAt: i % 2 === 0 ? T : 0,
      details: { title: `A paper title number ${i} `.padEnd(titleLength, 'x'), topics: ['agents', 'reward-modeling'], benchmarks: ['GSM8K'] },
    }),
  );
}

function totalBytes(items: Record<string, unknown>): number {
  return Object.entries(items).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
}

describe('packing records into sync items', () => {
  it('round-trips a small library, every paper with its details', () => {
    const records = [...papers(50), highlightRecord({
      id: 'h-1', paperId: '2609.10001', field: 'abstract', color: 'yellow', note: 'n', quote: { exact: 'e', prefix: 'p', suffix: 's' },
      position: { start: 1, end: 2 }, createdAt: T, updatedAt: T,
    }), tombstone('p2609.99999', T)!];
    const packed = pack(records);
    expect(packed.left).toEqual([]);
    expect(packed.withDetails.size).toBe(50);
    const back = unpack(JSON.parse(JSON.stringify(packed.items)));
    expect([...back.values()].sort((a, b) => a.key.localeCompare(b.key))).toEqual([...records].sort((a, b) => a.key.localeCompare(b.key)));
  });

  it('stays within every quota for a library far bigger than sync storage, newest first', () => {
    const records = papers(3000);
    const packed = pack(records);
    expect(totalBytes(packed.items)).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
    expect(totalBytes(packed.items)).toBe(packed.bytes);
    for (const [key, value] of Object.entries(packed.items)) expect(itemBytes(key, value)).toBeLessThanOrEqual(SYNC_QUOTA.bytesPerItem);
    expect(Object.keys(packed.items).length).toBeLessThanOrEqual(SYNC_BUCKETS);
    // It is used well: most of the budget holds records.
    expect(packed.bytes).toBeGreaterThan(DEFAULT_LIMITS.totalBytes * 0.9);
    // Compact rows for many, titles for the newest: far more papers travel than if all carried titles (~650).
    expect(packed.included.size).toBeGreaterThan(800); // 860 with these titles and tags
    expect(packed.withDetails.size).toBeGreaterThan(300); // 357
    expect(packed.included.size + packed.left.length).toBe(3000);
    // The newest edits are the ones synced, and the newest of those carry their titles.
    const newest = records.slice(-packed.included.size).map((record) => record.key);
    expect(new Set(newest)).toEqual(packed.included);
    expect(packed.withDetails.has(records[2999]!.key)).toBe(true);
    expect(packed.withDetails.has(records[3000 - packed.included.size]!.key)).toBe(false);
  });

  it('leaves out a record too big for any item and keeps packing the others', () => {
    const huge = highlightRecord({
      id: 'big', paperId: 'x', field: 'abstract', color: 'yellow', note: 'é'.repeat(5000), quote: { exact: 'e', prefix: '', suffix: '' },
      position: { start: 0, end: 1 }, createdAt: T, updatedAt: T + 10_000_000,
    });
    const packed = pack([huge, ...papers(10)]);
    expect(packed.left).toEqual(['hbig']); // 10,000 bytes in UTF-8 (5,000 characters): over the 8,192 per item
    expect(packed.included.size).toBe(10);
  });

  it('counts bytes in UTF-8, as the browser does', () => {
    const cjk = papers(400).map((record) =>
      record.removed || record.kind !== 'paper' ? record : paperRecord({ ...record.paper, details: { title: '論文の題名'.repeat(18), topics: [], benchmarks: [] } }),
    );
    const packed = pack(cjk);
    expect(totalBytes(packed.items)).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
    for (const [key, value] of Object.entries(packed.items)) expect(itemBytes(key, value)).toBeLessThanOrEqual(SYNC_QUOTA.bytesPerItem);
  });

  it('packs the same records into the same item texts, whatever their order', () => {
    const records = papers(200);
    const a = pack(records);
    const b = pack([...records].reverse());
    expect(JSON.stringify(a.items)).toBe(JSON.stringify(b.items));
  });

  it('ignores items that are not ours and rows it cannot read', () => {
    const packed = pack(papers(3));
    const items = { ...packed.items, 'other-extension-key': [['p1', 'zz']], [bucketKey(99)]: 'not rows', [bucketKey(98)]: [['bad'], 7] };
    expect(unpack(items).size).toBe(3);
  });
});

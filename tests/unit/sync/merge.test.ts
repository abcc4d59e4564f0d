import { describe, expect, it } from 'vitest';
import { mergeClocks, mergeRecords, observeLocal } from '../../../lib/sync/merge';
import { TOMBSTONE_TTL_MS } from '../../../lib/sync/constants';
import { highlightRecord, paperRecord, tombstone, type HighlightState, type PaperClock, type SyncRecord } from '../../../lib/sync/records';

function clock(updatedAt: number, change: Partial<PaperClock> = {}): PaperClock {
  return { id: 'x', savedAt: 100, updatedAt, read: false, readAt: 0, tags: {}, dropped: {}, removedAt: 0, ...change };
}
const paper = (updatedAt: number, change: Partial<PaperClock> = {}): SyncRecord => paperRecord(clock(updatedAt, change));
const gone = (updatedAt: number) => tombstone('px', updatedAt)!;
const highlight = (updatedAt: number, change: Partial<HighlightState> = {}): SyncRecord =>
  highlightRecord({
    id: 'h1',
    paperId: 'x',
    field: 'abstract',
    color: 'yellow',
    note: '',
    quote: { exact: 'q', prefix: '', suffix: '' },
    position: { start: 0, end: 1 },
    createdAt: 100,
    updatedAt,
    ...change,
  });

function summary(record: SyncRecord | undefined) {
  if (!record) return 'absent';
  if (record.removed) return `removed@${record.updatedAt}`;
  if (record.kind === 'paper') return { tags: Object.keys(record.paper.tags).sort(), read: record.paper.read };
  return { color: record.highlight.color, note: record.highlight.note };
}

describe('merging two versions of a record', () => {
  it.each([
    ['only here', paper(200), undefined, { tags: [], read: false }],
    ['only in sync storage', undefined, paper(300, { read: true, readAt: 300 }), { tags: [], read: true }],
    ['removed there after the last edit here', paper(200, { read: true, readAt: 200 }), gone(300), 'removed@300'],
    ['edited here after the removal there', paper(400, { read: true, readAt: 400 }), gone(300), { tags: [], read: true }],
    ['edit and removal in the same millisecond: the paper stays', paper(300), gone(300), { tags: [], read: false }],
    ['saved anew there after a removal here', gone(300), paper(400, { tags: { x: 400 } }), { tags: ['x'], read: false }],
    ['both removed', gone(300), gone(200), 'removed@300'],
    ['read here, tagged there: both kept', paper(200, { read: true, readAt: 200 }), paper(300, { tags: { t: 300 } }), { tags: ['t'], read: true }],
    [
      'tags added on both sides: all kept',
      paper(200, { tags: { a: 100, mine: 200 } }),
      paper(300, { tags: { a: 100, theirs: 300 } }),
      { tags: ['a', 'mine', 'theirs'], read: false },
    ],
    [
      'a tag removed there stays removed, one added here is kept',
      paper(200, { tags: { a: 100, mine: 200 } }),
      paper(300, { tags: {}, dropped: { a: 300 } }),
      { tags: ['mine'], read: false },
    ],
    ['a tag added again after its removal comes back', paper(400, { tags: { a: 400 } }), paper(300, { dropped: { a: 300 } }), { tags: ['a'], read: false }],
    ['read state: the later setting wins', paper(500, { read: false, readAt: 500 }), paper(400, { read: true, readAt: 400 }), { tags: [], read: false }],
    ['highlight: the newer edit', highlight(200, { color: 'blue' }), highlight(300, { note: 'n' }), { color: 'yellow', note: 'n' }],
  ])('%s', (_name, local, remote, expected) => {
    expect(summary(mergeRecords(local, remote))).toEqual(expected);
    // Whichever browser merges, the result is the same.
    expect(summary(mergeRecords(remote, local))).toEqual(expected);
  });

  it('takes a paper’s details from sync storage when it has them, else from here', () => {
    const here = paper(200, { details: { title: 'Here', topics: [], benchmarks: [] } });
    const there = paper(100, { details: { title: 'There', topics: [], benchmarks: [] } });
    const merged = mergeRecords(here, there);
    expect(merged && !merged.removed && merged.kind === 'paper' && merged.paper.details?.title).toBe('There');
    const compact = mergeRecords(here, paper(100));
    expect(compact && !compact.removed && compact.kind === 'paper' && compact.paper.details?.title).toBe('Here');
  });

  it('is commutative, associative and idempotent on random versions (every browser converges)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(values: T[]) => values[Math.floor(random() * values.length)]!;
    const version = (): SyncRecord => {
      if (random() < 0.2) return gone(Math.floor(random() * 10) * 100);
      const tags: Record<string, number> = {};
      const dropped: Record<string, number> = {};
      for (const tag of ['a', 'b', 'c']) {
        const roll = random();
        if (roll < 0.35) tags[tag] = pick([100, 200, 300]);
        else if (roll < 0.6) dropped[tag] = pick([100, 200, 300]);
      }
      const readAt = pick([0, 100, 200, 300]);
      return paper(Math.max(readAt, ...Object.values(tags), ...Object.values(dropped), 100), { tags, dropped, read: random() < 0.5, readAt });
    };
    for (let i = 0; i < 500; i++) {
      const [x, y, z] = [version(), version(), version()];
      expect(summary(mergeRecords(x, y))).toEqual(summary(mergeRecords(y, x)));
      expect(summary(mergeRecords(mergeRecords(x, y), z))).toEqual(summary(mergeRecords(x, mergeRecords(y, z))));
      expect(summary(mergeRecords(x, x))).toEqual(summary(x));
    }
  });
});

describe('seeing what changed here', () => {
  const base = clock(300, { tags: { keep: 100, drop: 200 }, read: false, readAt: 0 });

  it('stamps tags added and removed, and a new read state, with the library record’s time', () => {
    const seen = observeLocal({ id: 'x', savedAt: 100, updatedAt: 500, tags: ['keep', 'new'], read: true }, base, 900);
    expect(seen).toMatchObject({ tags: { keep: 100, new: 500 }, dropped: { drop: 500 }, read: true, readAt: 500, updatedAt: 500 });
  });

  it('sees no edit when the library holds what was last merged (its time moved when the merge was applied)', () => {
    const seen = observeLocal({ id: 'x', savedAt: 100, updatedAt: 800, tags: ['drop', 'keep'], read: false }, base, 900);
    expect(seen).toEqual({ ...base, savedAt: 100 });
  });

  it('uses the current time when the library’s time is not newer than the base', () => {
    const seen = observeLocal({ id: 'x', savedAt: 100, updatedAt: 200, tags: ['keep'], read: false }, base, 900);
    expect(seen.dropped).toEqual({ drop: 900 });
  });

  it('without a base, takes the library as it is', () => {
    const seen = observeLocal({ id: 'x', savedAt: 100, updatedAt: 400, tags: ['a'], read: true }, undefined, 900);
    expect(seen).toMatchObject({ tags: { a: 400 }, dropped: {}, read: true, readAt: 400 });
  });

  it('forgets tag removals older than the tombstone lifetime', () => {
    const old = clock(300, { dropped: { ancient: 10 } });
    expect(observeLocal({ id: 'x', savedAt: 100, updatedAt: 300, tags: [], read: false }, old, 10 + TOMBSTONE_TTL_MS + 1).dropped).toEqual({});
  });

  it('merges clocks field by field', () => {
    const merged = mergeClocks(clock(200, { tags: { a: 200 }, readAt: 150, read: true }), clock(300, { dropped: { a: 250 }, readAt: 100 }));
    expect(merged).toMatchObject({ tags: {}, dropped: { a: 250 }, read: true, readAt: 150, updatedAt: 300 });
  });
});

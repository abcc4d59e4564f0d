import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runSync, type RunResult } from '../../../lib/sync/run';
import { SyncState, TOMBSTONE_TTL_MS } from '../../../lib/sync/state';
import { SYNC_QUOTA } from '../../../lib/sync/pack';
import { manualClock, memoryArea, MemoryLibrary, quotaArea, replicate, type QuotaOptions, type RawArea } from './fakes';

// Two browsers of one user. Browser A uses WXT's fakeBrowser storage (sync and local areas); browser B an
// in-memory copy. `replicate` plays the browser vendor's sync service: it copies items across, item by item,
// the last writer winning, as Chrome and Firefox do.

const clock = manualClock();

function browserWith(raw: RawArea, local: ConstructorParameters<typeof SyncState>[0], quota: QuotaOptions = {}) {
  const library = new MemoryLibrary(clock.now);
  const sync = quotaArea(raw, { clock: clock.now, ...quota });
  const state = new SyncState(local);
  return {
    raw,
    library,
    sync,
    state,
    run: (): Promise<RunResult> => runSync({ sync, local: library, state, now: clock.now }),
    removed: (id: string) => state.recordRemoval(`p${id}`, clock.now()),
  };
}

type Browser = ReturnType<typeof browserWith>;
let a: Browser;
let b: Browser;

function makeA(quota: QuotaOptions = {}) {
  return browserWith(fakeBrowser.storage.sync as unknown as RawArea, fakeBrowser.storage.local as unknown as ConstructorParameters<typeof SyncState>[0], quota);
}

beforeEach(() => {
  a = makeA();
  b = browserWith(memoryArea(), memoryArea());
});

/** A runs, the service carries its items to B, B runs, and back. */
async function roundTrip(first = a, second = b): Promise<void> {
  await first.run();
  await replicate(first.raw, second.raw);
  clock.advance(1000);
  await second.run();
  await replicate(second.raw, first.raw);
  clock.advance(1000);
  await first.run();
}

const paperOf = (browser: Browser, id: string) => browser.library.papers.get(id);

describe('sync between two browsers', () => {
  it('brings a paper saved, tagged and read on one browser to the other, with its title', async () => {
    a.library.save('2609.31620', { tags: ['to-read'], read: true });
    await roundTrip();
    expect(paperOf(b, '2609.31620')).toMatchObject({ tags: ['to-read'], read: true, details: { title: 'Title of 2609.31620', topics: ['agents'] } });
    const result = await a.run();
    expect(result.ok && result.wrote).toBe(false); // converged: nothing more to write
  });

  it('keeps concurrent edits to different fields of one paper, and tags added on both sides', async () => {
    a.library.save('p1', { tags: ['shared'] });
    await roundTrip();
    clock.advance(10_000);
    a.library.edit('p1', { tags: ['shared', 'from-a'] });
    b.library.edit('p1', { read: true, tags: ['shared', 'from-b'] });
    // Both write before seeing the other's write; the service keeps B's item (written last).
    await a.run();
    clock.advance(1000);
    await b.run();
    await replicate(b.raw, a.raw);
    await roundTrip();
    for (const browser of [a, b]) expect(paperOf(browser, 'p1')).toMatchObject({ tags: ['from-a', 'from-b', 'shared'], read: true });
  });

  it('removes a paper on the other browser, and does not bring it back', async () => {
    a.library.save('p1');
    a.library.save('p2');
    await roundTrip();
    expect(paperOf(b, 'p1')).toBeDefined();
    clock.advance(5000);
    a.library.remove('p1');
    await a.removed('p1');
    await roundTrip();
    expect(paperOf(b, 'p1')).toBeUndefined();
    expect(paperOf(a, 'p1')).toBeUndefined();
    expect(paperOf(b, 'p2')).toBeDefined();
    expect(b.library.applied.some((change) => change.type === 'remove-paper' && change.id === 'p1')).toBe(true);
  });

  it('keeps a paper that was edited on one browser after it was removed on the other', async () => {
    a.library.save('p1');
    await roundTrip();
    clock.advance(1000);
    a.library.remove('p1');
    await a.removed('p1');
    clock.advance(1000);
    b.library.edit('p1', { tags: ['still wanted'] }); // later than the removal
    await a.run();
    await b.run();
    await replicate(b.raw, a.raw);
    await roundTrip();
    expect(paperOf(a, 'p1')).toMatchObject({ tags: ['still wanted'] });
    expect(paperOf(b, 'p1')).toMatchObject({ tags: ['still wanted'] });
  });

  it('syncs highlights, their edits and their removal', async () => {
    a.library.save('p1');
    a.library.highlight('h1', 'p1', { note: 'the key sentence' });
    await roundTrip();
    expect(b.library.highlights.get('h1')).toMatchObject({ note: 'the key sentence', paperId: 'p1' });
    clock.advance(1000);
    b.library.highlights.set('h1', { ...b.library.highlights.get('h1')!, color: 'blue', updatedAt: clock.now() });
    await roundTrip(b, a);
    expect(a.library.highlights.get('h1')?.color).toBe('blue');
    clock.advance(1000);
    a.library.highlights.delete('h1');
    await a.state.recordRemoval('hh1', clock.now());
    await roundTrip();
    expect(b.library.highlights.has('h1')).toBe(false);
  });

  it('syncs what fits, keeps the rest local, and never takes "left out" for "removed"', async () => {
    for (let i = 0; i < 3000; i++) {
      a.library.save(`2609.${10000 + i}`);
      clock.advance(1000);
    }
    const first = await a.run();
    expect(first.ok).toBe(true);
    expect(first.status.papers.local).toBe(3000);
    expect(first.status.papers.synced).toBeGreaterThan(1000);
    expect(first.status.papers.synced).toBeLessThan(3000);
    expect(first.status.bytes).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
    await replicate(a.raw, b.raw);
    await b.run();
    expect(b.library.papers.size).toBe(first.status.papers.synced);
    // The newest papers travelled.
    expect(paperOf(b, '2609.12999')).toBeDefined();
    expect(paperOf(b, '2609.10000')).toBeUndefined();
    // B saves new papers; its write pushes some of A's out of sync storage. A keeps every one of them.
    for (let i = 0; i < 50; i++) b.library.save(`2610.${20000 + i}`);
    clock.advance(1000);
    await b.run();
    await replicate(b.raw, a.raw);
    const again = await a.run();
    expect(a.library.papers.size).toBe(3050);
    expect(a.library.applied.filter((change) => change.type === 'remove-paper')).toEqual([]);
    expect(again.status.papers.local).toBe(3050);
  });

  it('drops removals once they have had time to reach every browser', async () => {
    a.library.save('p1');
    await a.run();
    clock.advance(1000);
    a.library.remove('p1');
    await a.removed('p1');
    await a.run();
    expect(JSON.stringify(await a.raw.get(null))).toContain('["pp1",');
    clock.advance(TOMBSTONE_TTL_MS + 1000);
    await a.run();
    expect(JSON.stringify(await a.raw.get(null))).not.toContain('"pp1"');
    expect((await a.state.removals()).size).toBe(0);
  });
});

describe('quota and write limits', () => {
  it('packs into less and tries again when the browser refuses for space', async () => {
    // Another extension feature (or an older format) already uses part of sync storage: the real room is smaller.
    a = makeA({ quotaBytes: 60_000 });
    for (let i = 0; i < 1500; i++) {
      a.library.save(`2609.${10000 + i}`);
      clock.advance(10);
    }
    const result = await a.run();
    expect(a.sync.refused[0]).toBe('QUOTA_BYTES quota exceeded');
    expect(result.ok).toBe(true);
    expect(result.status.state).toBe('idle');
    expect(result.status.bytes).toBeLessThanOrEqual(60_000);
    await replicate(a.raw, b.raw);
    await b.run();
    expect(b.library.papers.size).toBe(result.status.papers.synced);
  });

  it('packs smaller items when one item is refused', async () => {
    a = makeA({ perItem: 2_000 });
    for (let i = 0; i < 800; i++) a.library.save(`2609.${10000 + i}`);
    const result = await a.run();
    expect(a.sync.refused).toContain('QUOTA_BYTES_PER_ITEM quota exceeded');
    expect(result.ok).toBe(true);
    for (const [key, value] of Object.entries(await a.raw.get(null))) {
      expect(new TextEncoder().encode(key + JSON.stringify(value)).length).toBeLessThanOrEqual(2_000);
    }
    expect(result.status.papers.synced).toBeGreaterThan(0);
    expect(result.status.papers.synced).toBeLessThan(800);
  });

  it('reports a write it cannot make fit, and changes nothing here', async () => {
    a = makeA({ perItem: 100 });
    for (let i = 0; i < 50; i++) a.library.save(`2609.${10000 + i}`);
    const result = await a.run();
    expect(result.ok).toBe(false);
    expect(result.status.state).toBe('error');
    expect(result.status.message).toMatch(/QUOTA_BYTES_PER_ITEM/);
    expect(a.library.papers.size).toBe(50);
    expect(a.library.applied).toEqual([]);
  });

  it('waits out the write limit, then publishes the edit made meanwhile (nothing lost)', async () => {
    a = makeA({ writesPerMinute: 1 });
    a.library.save('p1');
    const first = await a.run();
    expect(first.ok).toBe(true);
    clock.advance(1000);
    a.library.edit('p1', { tags: ['late edit'] });
    const limited = await a.run();
    expect(limited.ok).toBe(false);
    if (!limited.ok) expect(limited.failure.kind).toBe('rate');
    expect(limited.status.state).toBe('waiting');
    expect(limited.status.retryAt).toBe(clock.now() + 60_000);
    // The edit is still only here, and the base still says the old tags: the next run publishes it.
    clock.advance(61_000);
    const later = await a.run();
    expect(later.ok && later.wrote).toBe(true);
    await replicate(a.raw, b.raw);
    await b.run();
    expect(paperOf(b, 'p1')?.tags).toEqual(['late edit']);
  });

  it('tries a change it could not apply again next time, without overwriting the other browser', async () => {
    a.library.save('p1', { tags: ['x'] });
    await a.run();
    await replicate(a.raw, b.raw);
    b.library.failing.add('pp1');
    await b.run();
    expect(paperOf(b, 'p1')).toBeUndefined();
    // B writes nothing that would drop A's paper...
    await replicate(b.raw, a.raw);
    await a.run();
    expect(paperOf(a, 'p1')?.tags).toEqual(['x']);
    // ...and gets it once it can.
    b.library.failing.clear();
    await b.run();
    expect(paperOf(b, 'p1')?.tags).toEqual(['x']);
  });
});

describe('damaged sync storage', () => {
  it('ignores unreadable rows and foreign keys, and repairs its own items', async () => {
    await fakeBrowser.storage.sync.set({ 'pl1:b3': [['p2609.1', 'not-a-time!'], 'junk', ['pok', 'abc', 'abc', '', 0, '', '', '']], 'someone-else': 42 });
    a.library.save('mine');
    const result = await a.run();
    expect(result.ok).toBe(true);
    expect(paperOf(a, 'ok')).toBeDefined(); // the one readable row was taken in
    const stored = await fakeBrowser.storage.sync.get(null);
    expect(stored['someone-else']).toBe(42);
    expect(JSON.stringify(stored)).not.toContain('junk');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { HighlightCache, LIST_BATCH, RETRY_AFTER_MS } from '../../../lib/content/features/highlights/highlight-cache';
import type { OnBroadcastFn, RequestFn } from '../../../lib/content/library-state';
import type { StoredHighlight } from '../../../lib/db/schema';
import type { Broadcast, Reply } from '../../../lib/messaging/protocol';
import { newHighlight } from '../highlights/make-highlight';

// The tab's highlight cache against a scripted worker: what it asks, when, and what it keeps.

function stored(paperId: string, overrides: Partial<StoredHighlight> = {}): StoredHighlight {
  return { ...newHighlight(paperId), createdAt: 1, updatedAt: 1, ...overrides };
}

function scriptedWorker(answer: (paperIds: string[]) => Promise<Reply<StoredHighlight[]>>) {
  const asked: string[][] = [];
  const listeners = new Set<(message: Broadcast) => void>();
  const request = (async (type: string, payload: { paperIds: string[] }) => {
    if (type !== 'highlight/list') throw new Error(`unexpected ${type}`);
    asked.push(payload.paperIds);
    return answer(payload.paperIds);
  }) as unknown as RequestFn;
  const onBroadcast: OnBroadcastFn = (listener) => void listeners.add(listener);
  const broadcast = (message: Broadcast) => listeners.forEach((listener) => listener(message));
  return { asked, request, onBroadcast, broadcast };
}

const controller = new AbortController();
afterEach(() => vi.useRealTimers());

describe('HighlightCache', () => {
  it('asks for the papers appearing together in batches, each paper once', async () => {
    const worker = scriptedWorker(async () => ({ ok: true, value: [] }));
    const cache = new HighlightCache(worker.request, worker.onBroadcast, controller.signal, 10_000);
    const ids = Array.from({ length: LIST_BATCH + 50 }, (_, i) => `2401.${String(i).padStart(5, '0')}`);
    for (const id of [...ids, ...ids]) cache.want(id);
    await cache.load();
    expect(worker.asked.map((batch) => batch.length)).toEqual([LIST_BATCH, 50]);
    expect(ids.every((id) => cache.isLoaded(id))).toBe(true);
    cache.want(ids[0]!);
    await cache.load();
    expect(worker.asked).toHaveLength(2);
  });

  it('applies a change broadcast while the list was on its way, after the list', async () => {
    let answer!: (reply: Reply<StoredHighlight[]>) => void;
    const worker = scriptedWorker(() => new Promise((resolve) => (answer = resolve)));
    const cache = new HighlightCache(worker.request, worker.onBroadcast, controller.signal);
    const changed: string[] = [];
    cache.onChange((paperId) => changed.push(paperId));
    const old = stored('2609.31620');
    const made = stored('2609.31620', { id: 'new-one', updatedAt: 5 });
    cache.want('2609.31620');
    const loading = cache.load();
    worker.broadcast({ type: 'highlight/changed', paperId: '2609.31620', id: made.id, highlight: made });
    worker.broadcast({ type: 'highlight/changed', paperId: '2609.31620', id: old.id, highlight: null });
    answer({ ok: true, value: [old] }); // read before the changes
    await loading;
    expect(cache.forPaper('2609.31620')).toEqual([made]);
    expect(changed).toEqual(['2609.31620']);
  });

  it('never replaces a newer state with an older one, and ignores papers it does not show', async () => {
    const worker = scriptedWorker(async () => ({ ok: true, value: [] }));
    const cache = new HighlightCache(worker.request, worker.onBroadcast, controller.signal);
    cache.want('2609.31620');
    await cache.load();
    const newer = stored('2609.31620', { color: 'green', updatedAt: 9 });
    worker.broadcast({ type: 'highlight/changed', paperId: '2609.31620', id: newer.id, highlight: newer });
    worker.broadcast({ type: 'highlight/changed', paperId: '2609.31620', id: newer.id, highlight: { ...newer, color: 'blue', updatedAt: 3 } });
    expect(cache.forPaper('2609.31620')).toEqual([newer]);
    worker.broadcast({ type: 'highlight/changed', paperId: '2609.99999', id: 'x', highlight: stored('2609.99999') });
    expect(cache.isLoaded('2609.99999')).toBe(false);
  });

  it('after a failed list, does not ask again for a while (no request storm from re-renders)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_000_000);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let fail = true;
    const worker = scriptedWorker(async () => (fail ? { ok: false, error: 'worker gone' } : { ok: true, value: [] }));
    const cache = new HighlightCache(worker.request, worker.onBroadcast, controller.signal);
    cache.want('2609.31620');
    await cache.load();
    expect(cache.isLoaded('2609.31620')).toBe(false);
    for (let i = 0; i < 20; i++) cache.want('2609.31620');
    await cache.load();
    expect(worker.asked).toHaveLength(1);
    expect(warn).toHaveBeenCalledTimes(1);

    fail = false;
    vi.setSystemTime(1_000_000 + RETRY_AFTER_MS + 1);
    cache.want('2609.31620');
    await cache.load();
    expect(worker.asked).toHaveLength(2);
    expect(cache.isLoaded('2609.31620')).toBe(true);
    warn.mockRestore();
  });
});

import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBackground } from '../../../lib/background';
import { request } from '../../../lib/messaging/client';
import { breakIndexedDbOpen } from '../db/broken-storage';
import { arxivId, paperToSave } from '../db/make-paper';

// The worker as the browser runs it: startBackground registers the listener on (fake) runtime.onMessage and
// requests go through the real messaging client, so payloads travel as messages do.
beforeEach(() => {
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection.'));
  startBackground();
});
afterEach(() => vi.restoreAllMocks());

/** MV3 stopped the worker and a message started it again: same database, fresh memory. */
function restartWorker(): void {
  fakeBrowser.runtime.onMessage.removeAllListeners();
  startBackground();
}

async function ok<T>(reply: Promise<{ ok: true; value: T } | { ok: false; error: string }>): Promise<T> {
  const settled = await reply;
  if (!settled.ok) throw new Error(`expected ok, got: ${settled.error}`);
  return settled.value;
}

describe('paper/save, paper/status, paper/remove', () => {
  it('saves, reports the saved ids among those asked, and removes', async () => {
    const saved = await ok(request('paper/save', { paper: paperToSave(arxivId(1)) }));
    expect(saved).toMatchObject({ id: arxivId(1), title: `Paper ${arxivId(1)}` });
    expect(saved.savedAt).toBeGreaterThan(0);

    expect(await ok(request('paper/status', { ids: [arxivId(1), arxivId(2)] }))).toEqual([arxivId(1)]);
    expect(await ok(request('paper/remove', { id: arxivId(1) }))).toBe(true);
    expect(await ok(request('paper/remove', { id: arxivId(1) }))).toBe(false);
    expect(await ok(request('paper/status', { ids: [arxivId(1)] }))).toEqual([]);
  });

  it('is idempotent: a save resent after the worker restarted gives the same record', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_000);
    const first = await ok(request('paper/save', { paper: paperToSave(arxivId(1)) }));
    restartWorker();
    vi.setSystemTime(9_000);
    const second = await ok(request('paper/save', { paper: paperToSave(arxivId(1)) }));
    vi.useRealTimers();
    expect(second).toEqual(first);
    expect(second.savedAt).toBe(1_000);
    expect(await ok(request('library/summary', {}))).toMatchObject({ count: 1 });
  });

  it('keeps papers across worker restarts', async () => {
    await ok(request('paper/save', { paper: paperToSave(arxivId(1)) }));
    restartWorker();
    expect(await ok(request('paper/status', { ids: [arxivId(1)] }))).toEqual([arxivId(1)]);
    expect(await ok(request('library/list', { offset: 0, limit: 10 }))).toMatchObject({ total: 1 });
  });
});

describe('library/summary and library/list', () => {
  it('summarizes, lists newest first in pages, and searches titles', async () => {
    const titles = ['Reward models at scale', 'Agents that browse', 'Reward hacking in agents'];
    for (const [i, title] of titles.entries()) {
      const topics = title.includes('Agents') || title.includes('agents') ? ['agents'] : ['reward-modeling'];
      await ok(request('paper/save', { paper: paperToSave(arxivId(i + 1), { title, topics }) }));
      await new Promise((resolve) => setTimeout(resolve, 2)); // distinct savedAt
    }
    expect(await ok(request('library/summary', {}))).toEqual({
      count: 3,
      topTopics: [
        { id: 'agents', count: 2 },
        { id: 'reward-modeling', count: 1 },
      ],
      topBenchmarks: [{ name: 'GSM8K', count: 3 }],
    });

    const firstPage = await ok(request('library/list', { offset: 0, limit: 2 }));
    expect(firstPage.total).toBe(3);
    expect(firstPage.items.map((p) => p.title)).toEqual(['Reward hacking in agents', 'Agents that browse']);
    const secondPage = await ok(request('library/list', { offset: 2, limit: 2 }));
    expect(secondPage.items.map((p) => p.title)).toEqual(['Reward models at scale']);

    const search = await ok(request('library/list', { query: 'reward', offset: 0, limit: 10 }));
    expect(search.total).toBe(2);
    expect(search.items.map((p) => p.title)).toEqual(['Reward hacking in agents', 'Reward models at scale']);
  });
});

describe('bad requests', () => {
  const good = paperToSave(arxivId(7));
  it.each([
    ['no paper', 'paper/save', {}, /paper must be an object/],
    ['paper is a string', 'paper/save', { paper: 'x' }, /paper must be an object/],
    ['id not a paper id', 'paper/save', { paper: { ...good, id: 'javascript:alert(1) x' } }, /paper\.id is not a paper id/],
    ['id with version', 'paper/save', { paper: { ...good, id: '2401.00007v2' } }, /paper\.id is not a paper id/],
    ['javascript: url', 'paper/save', { paper: { ...good, url: 'javascript:alert(1)' } }, /paper\.url must be an http\(s\) link/],
    ['relative url', 'paper/save', { paper: { ...good, url: '/papers/1' } }, /paper\.url is not a URL/],
    ['empty title', 'paper/save', { paper: { ...good, title: '   ' } }, /paper\.title is empty/],
    ['huge abstract', 'paper/save', { paper: { ...good, abstract: 'x'.repeat(50_001) } }, /paper\.abstract is longer/],
    ['authors not a list', 'paper/save', { paper: { ...good, authors: 'Ada' } }, /paper\.authors must be a list/],
    ['topic not a string', 'paper/save', { paper: { ...good, topics: [{}] } }, /paper\.topics\[0\] must be a string/],
    ['bad published date', 'paper/save', { paper: { ...good, published: 'yesterday' } }, /paper\.published must be a yyyy-mm-dd/],
    ['remove without id', 'paper/remove', {}, /id must be a string/],
    ['status ids not a list', 'paper/status', { ids: 'all' }, /ids must be a list/],
    ['status with too many ids', 'paper/status', { ids: Array(5_001).fill('2401.00001') }, /ids has more than 5000/],
    ['negative offset', 'library/list', { offset: -1, limit: 10 }, /offset must be a whole number/],
    ['fractional limit', 'library/list', { offset: 0, limit: 2.5 }, /limit must be a whole number/],
    ['page too large', 'library/list', { offset: 0, limit: 100_000 }, /limit must be a whole number/],
    ['query not a string', 'library/list', { query: 42, offset: 0, limit: 10 }, /query must be a string/],
  ])('%s: fails with a clear message and changes nothing', async (_name, type, payload, message) => {
    await ok(request('paper/save', { paper: paperToSave(arxivId(1)) }));
    const reply = await fakeBrowser.runtime.sendMessage({ type, ...payload });
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(message) });
    expect((reply as { error: string }).error).toMatch(/^Invalid request: /);
    expect(await ok(request('library/list', { offset: 0, limit: 10 }))).toMatchObject({
      total: 1,
      items: [{ id: arxivId(1) }],
    });
  });

  it('answers an unknown request type with an error', async () => {
    expect(await fakeBrowser.runtime.sendMessage({ type: 'paper/delete-everything' })).toEqual({
      ok: false,
      error: 'Unknown request "paper/delete-everything".',
    });
  });

  it('does not answer messages that are not requests (broadcasts, strangers)', async () => {
    for (const message of [{ type: 'paper/changed', id: arxivId(1), saved: true }, 'hello', null, { kind: 1 }]) {
      expect(await fakeBrowser.runtime.sendMessage(message)).toBeUndefined();
    }
  });

  it('stores only the known fields of a paper', async () => {
    const sneaky = { ...paperToSave(arxivId(1)), savedAt: 0, isAdmin: true, __proto__: { polluted: 1 } };
    const saved = await ok(request('paper/save', { paper: sneaky }));
    expect(saved).not.toHaveProperty('isAdmin');
    expect(saved.savedAt).toBeGreaterThan(0);
  });
});

describe('storage failures', () => {
  it('fails a save clearly (never as saved) while the database cannot open, then recovers', async () => {
    const repair = breakIndexedDbOpen('QuotaExceededError', 'The disk is full');
    const failed = await request('paper/save', { paper: paperToSave(arxivId(1)) });
    expect(failed).toEqual({ ok: false, error: expect.stringMatching(/no room left/) });

    repair();
    expect(await ok(request('paper/save', { paper: paperToSave(arxivId(1)) }))).toMatchObject({ id: arxivId(1) });
    expect(await ok(request('paper/status', { ids: [arxivId(1)] }))).toEqual([arxivId(1)]);
  });
});

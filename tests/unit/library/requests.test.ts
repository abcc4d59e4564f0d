import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { request } from '../../../lib/messaging/client';
import { arxivId, paperToSave } from '../db/make-paper';
import { ok, startLibraryWorker } from './worker';

beforeEach(() => {
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection.'));
});

describe('library requests', () => {
  it('edit, get, tags, remove and restore, each announced to open pages', async () => {
    const worker = startLibraryWorker();
    await ok(request('paper/save', { paper: paperToSave(arxivId(1)) }));
    worker.announced.length = 0;

    const edited = await ok(request('library/edit', { id: arxivId(1), edit: { addTags: [' to  read ', 'rlhf'], note: 'n', read: 'toggle' } }));
    expect(edited).toMatchObject({ tags: ['rlhf', 'to read'], note: 'n', readAt: expect.any(Number) });
    expect(await ok(request('library/get', { ids: [arxivId(1), arxivId(2)] }))).toEqual([edited]);
    expect(await ok(request('library/tags', {}))).toEqual([
      { tag: 'rlhf', count: 1 },
      { tag: 'to read', count: 1 },
    ]);
    // An edit that changes nothing is not announced.
    await ok(request('library/edit', { id: arxivId(1), edit: { read: true } }));
    expect(worker.announced).toEqual([{ type: 'library/changed', ids: [arxivId(1)] }]);

    const removed = await ok(request('library/remove', { id: arxivId(1) }));
    expect(removed).toEqual(edited);
    expect(await ok(request('library/remove', { id: arxivId(1) }))).toBeNull();
    const restored = await ok(request('library/restore', { paper: removed! }));
    expect({ ...restored, updatedAt: 0 }).toEqual({ ...edited, updatedAt: 0 });
    expect(restored.updatedAt).toBeGreaterThanOrEqual(edited.updatedAt); // newer than the removal, for sync
    expect(worker.announced.slice(1)).toEqual([
      { type: 'paper/changed', id: arxivId(1), saved: false },
      { type: 'paper/changed', id: arxivId(1), saved: false },
      { type: 'paper/changed', id: arxivId(1), saved: true },
      { type: 'library/changed', ids: [arxivId(1)] },
    ]);
  });

  it('fails an edit of a paper that is not saved, clearly', async () => {
    startLibraryWorker();
    expect(await request('library/edit', { id: arxivId(5), edit: { read: true } })).toEqual({
      ok: false,
      error: expect.stringMatching(/no longer saved/),
    });
  });

  it.each([
    ['sort unknown', 'library/search', { query: '', sort: 'title', offset: 0, limit: 10 }, /sort must be "saved" or "published"/],
    ['page too large', 'library/search', { query: '', sort: 'saved', offset: 0, limit: 10_000 }, /limit must be a whole number/],
    ['query not text', 'library/stats', { query: 7 }, /query must be a string/],
    ['edit of nothing', 'library/edit', { id: '2401.00001', edit: {} }, /edit changes nothing/],
    ['read not a flag', 'library/edit', { id: '2401.00001', edit: { read: 'yes' } }, /edit.read must be true, false or "toggle"/],
    ['tags not a list', 'library/edit', { id: '2401.00001', edit: { tags: 'rlhf' } }, /edit.tags must be a list/],
    ['a huge note', 'library/edit', { id: '2401.00001', edit: { note: 'x'.repeat(10_001) } }, /edit.note is longer than 10000/],
    ['a bad id', 'library/remove', { id: 'not an id' }, /id is not a paper id/],
    ['a restore without a save time', 'library/restore', { paper: paperToSave('2401.00001') }, /paper \(2401\.00001\): savedAt must be a whole number/],
    ['an import that is not text', 'library/import', { text: { papers: [] } }, /text must be a string/],
  ])('refuses %s', async (_name, type, payload, message) => {
    startLibraryWorker();
    const reply = await request(type as 'library/search', payload as never);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(message) });
  });
});

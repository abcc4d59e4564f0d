import { describe, expect, it, vi } from 'vitest';
import { LibraryView, PAGE_SIZE, UNDO_MS } from '../../../components/popup/library-view';
import type { request } from '../../../lib/messaging/client';
import type { Reply } from '../../../lib/messaging/protocol';
import type { LibrarySearchPage } from '../../../lib/messaging/requests/library';
import { savedPaper } from '../db/make-paper';

type Sent = { message: { type: string; query?: string; sort?: string; offset?: number; [key: string]: unknown }; answer: (reply: Reply<unknown>) => void };

/** A `send` whose answers the test releases one by one, in any order. */
function controlledSend() {
  const pending: Sent[] = [];
  const send = ((type: string, payload: object) =>
    new Promise((answer) => pending.push({ message: { type, ...payload }, answer }))) as unknown as typeof request;
  return { send, pending };
}

const page = (ids: string[], total = ids.length): Reply<LibrarySearchPage> => ({
  ok: true,
  value: { total, items: ids.map((id, i) => savedPaper(id, i)), problems: [] },
});
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const searches = (pending: Sent[]) => pending.filter((p) => p.message.type === 'library/search');

describe('LibraryView', () => {
  it('drops the answer to an older search that arrives after a newer one', async () => {
    const { send, pending } = controlledSend();
    const view = new LibraryView(send);
    view.search('reward');
    view.search('tag:agents', 'published');
    const [reward, agents] = searches(pending);
    expect(reward!.message).toMatchObject({ query: 'reward', sort: 'saved' });
    expect(agents!.message).toMatchObject({ query: 'tag:agents', sort: 'published' });

    agents!.answer(page(['a1']));
    await flush();
    reward!.answer(page(['r1', 'r2']));
    await flush();
    expect(view.state).toMatchObject({ query: 'tag:agents', sort: 'published', total: 1 });
    expect(view.paperAt(0)?.id).toBe('a1');
    expect(view.paperAt(1)).toBeUndefined();
  });

  it('asks only for the pages in view, once each', async () => {
    const { send, pending } = controlledSend();
    const view = new LibraryView(send);
    view.show({ start: 0, end: 10 });
    view.show({ start: 0, end: 12 });
    view.show({ start: PAGE_SIZE - 3, end: PAGE_SIZE + 4 });
    expect(searches(pending).map((p) => p.message.offset)).toEqual([0, PAGE_SIZE]);
  });

  it('keeps showing the previous rows while a refresh is on its way, then replaces them', async () => {
    const { send, pending } = controlledSend();
    const view = new LibraryView(send);
    view.show({ start: 0, end: 3 });
    pending.shift()!.answer(page(['p3', 'p2', 'p1']));
    await flush();
    view.refresh();
    expect(view.paperAt(0)?.id).toBe('p3'); // stale but shown
    for (const { message, answer } of pending.splice(0)) {
      if (message.type === 'library/search') answer(page(['p2', 'p1']));
      else if (message.type === 'library/summary') answer({ ok: true, value: { count: 2, topTopics: [], topBenchmarks: [] } });
      else answer({ ok: true, value: { total: 2, topics: [], weeks: [] } });
    }
    await flush();
    expect([view.paperAt(0)?.id, view.paperAt(1)?.id]).toEqual(['p2', 'p1']);
    expect(view.state).toMatchObject({ total: 2, summary: { count: 2 }, stats: { total: 2 } });
  });

  it('shows a failed page load as an error and clears it when fetched again successfully', async () => {
    const { send, pending } = controlledSend();
    const view = new LibraryView(send);
    view.start();
    for (const { answer } of pending.splice(0)) answer({ ok: false, error: 'worker gone' });
    await flush();
    expect(view.state.error).toMatch(/worker gone/);
    view.refresh();
    expect(view.state.error).toBeUndefined();
  });

  it('shows an edit in its row at once, from the stored record the worker returns', async () => {
    const { send, pending } = controlledSend();
    const view = new LibraryView(send);
    view.show({ start: 0, end: 2 });
    pending.shift()!.answer(page(['p2', 'p1']));
    await flush();
    const editing = view.edit('p1', { addTags: ['rlhf'] });
    const edit = pending.find((p) => p.message.type === 'library/edit')!;
    expect(edit.message).toMatchObject({ id: 'p1', edit: { addTags: ['rlhf'] } });
    edit.answer({ ok: true, value: { ...savedPaper('p1', 1), tags: ['rlhf'] } });
    expect(await editing).toBe(true);
    expect(view.paperAt(1)?.tags).toEqual(['rlhf']);
    // Tags changed: the autocomplete list is asked again.
    expect(pending.some((p) => p.message.type === 'library/tags')).toBe(true);
  });

  it('offers undo for a while after a removal, and puts the removed record back', async () => {
    vi.useFakeTimers();
    try {
      const { send, pending } = controlledSend();
      const view = new LibraryView(send);
      const removed = { ...savedPaper('p1', 1), tags: ['kept'], note: 'my note' };
      const removing = view.remove('p1');
      expect(view.state.removing.has('p1')).toBe(true);
      pending.find((p) => p.message.type === 'library/remove')!.answer({ ok: true, value: removed });
      expect(await removing).toBe(true);
      expect(view.state.undo?.paper).toEqual(removed);

      const undoing = view.undoRemove();
      const restore = pending.find((p) => p.message.type === 'library/restore')!;
      expect(restore.message.paper).toEqual(removed);
      restore.answer({ ok: true, value: removed });
      expect(await undoing).toBe(true);
      expect(view.state.undo).toBeUndefined();

      // A second removal's undo expires.
      const again = view.remove('p2');
      pending.filter((p) => p.message.type === 'library/remove').at(-1)!.answer({ ok: true, value: savedPaper('p2', 2) });
      await again;
      expect(view.state.undo?.paper.id).toBe('p2');
      vi.advanceTimersByTime(UNDO_MS + 1);
      expect(view.state.undo).toBeUndefined();
      expect(await view.undoRemove()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});

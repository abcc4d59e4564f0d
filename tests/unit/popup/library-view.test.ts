import { describe, expect, it } from 'vitest';
import { LibraryView, PAGE_SIZE } from '../../../components/popup/library-view';
import type { request } from '../../../lib/messaging/client';
import type { LibraryPage, Reply } from '../../../lib/messaging/protocol';
import { savedPaper } from '../db/make-paper';

/** A `send` whose answers the test releases one by one, in any order. */
function controlledSend() {
  const pending: { message: { type: string; query?: string; offset?: number }; answer: (reply: Reply<unknown>) => void }[] = [];
  const send = ((type: string, payload: object) =>
    new Promise((answer) => pending.push({ message: { type, ...payload }, answer }))) as unknown as typeof request;
  return { send, pending };
}

const page = (ids: string[], total = ids.length): Reply<LibraryPage> => ({
  ok: true,
  value: { total, items: ids.map((id, i) => savedPaper(id, i)) },
});
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LibraryView', () => {
  it('drops the answer to an older search that arrives after a newer one', async () => {
    const { send, pending } = controlledSend();
    const view = new LibraryView(send);
    view.search('reward');
    view.search('agents');
    const [reward, agents] = pending.filter((p) => p.message.type === 'library/list');
    expect(reward!.message.query).toBe('reward');
    expect(agents!.message.query).toBe('agents');

    agents!.answer(page(['a1']));
    await flush();
    reward!.answer(page(['r1', 'r2']));
    await flush();
    expect(view.state).toMatchObject({ query: 'agents', total: 1 });
    expect(view.paperAt(0)?.id).toBe('a1');
    expect(view.paperAt(1)).toBeUndefined();
  });

  it('asks only for the pages in view, once each', async () => {
    const { send, pending } = controlledSend();
    const view = new LibraryView(send);
    view.show({ start: 0, end: 10 });
    view.show({ start: 0, end: 12 });
    view.show({ start: PAGE_SIZE - 3, end: PAGE_SIZE + 4 });
    expect(pending.map((p) => p.message.offset)).toEqual([0, PAGE_SIZE]);
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
      answer(message.type === 'library/list' ? page(['p2', 'p1']) : { ok: true, value: { count: 2, topTopics: [], topBenchmarks: [] } });
    }
    await flush();
    expect([view.paperAt(0)?.id, view.paperAt(1)?.id]).toEqual(['p2', 'p1']);
    expect(view.state).toMatchObject({ total: 2, summary: { count: 2 } });
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
});

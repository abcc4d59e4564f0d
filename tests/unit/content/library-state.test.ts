// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LibraryState, STATUS_BATCH, savedPaperPayload } from '../../../lib/content/library-state';
import { onBroadcast, request } from '../../../lib/messaging/client';
import type { PaperEntry } from '../../../lib/paper';
import { fakeBackground, fakeExtract } from './fakes';

const paper: PaperEntry = {
  id: '2609.31620',
  site: 'huggingface',
  url: 'https://huggingface.co/papers/2609.31620',
  title: 'FuseReg',
  authors: ['Hongyang Du'],
  abstract: 'On ImageNet-256 ...',
};

describe('LibraryState', () => {
  it('asks which papers are saved in batches and tells the toggles', async () => {
    const ids = Array.from({ length: STATUS_BATCH * 2 + 50 }, (_, i) => `2609.${String(10000 + i)}`);
    const background = fakeBackground([ids[3]!, ids[420]!]);
    const library = new LibraryState(background.request, background.onBroadcast, new AbortController().signal);
    for (const id of ids) library.queueStatus(id);
    library.queueStatus(ids[0]!); // twice: asked once
    await library.askStatus();
    const batches = background.calls.filter((c) => c.type === 'paper/status').map((c) => (c.payload.ids as string[]).length);
    expect(batches).toEqual([STATUS_BATCH, STATUS_BATCH, 50]);
    expect(library.get(ids[3]!)).toEqual({ status: 'saved', saved: true });
    expect(library.get(ids[420]!).saved).toBe(true);
    expect(library.get(ids[4]!)).toEqual({ status: 'unsaved', saved: false });
    await library.askStatus(); // nothing left to ask
    expect(background.calls.filter((c) => c.type === 'paper/status')).toHaveLength(3);
  });

  it('saves with topics and benchmarks, showing pending then saved', async () => {
    const background = fakeBackground();
    const library = new LibraryState(background.request, background.onBroadcast, new AbortController().signal);
    const seen: string[] = [];
    library.subscribe(paper.id, (state) => seen.push(state.status));
    const extraction = fakeExtract(paper);
    await library.toggle(paper, extraction);
    expect(seen).toEqual(['pending', 'saved']);
    expect(background.calls[0]).toEqual({ type: 'paper/save', payload: { paper: savedPaperPayload(paper, extraction) } });
    const sent = background.calls[0]!.payload.paper as ReturnType<typeof savedPaperPayload>;
    expect(sent.topics).toEqual(['evaluation']);
    expect(sent.benchmarks).toEqual(extraction.benchmarks.map((b) => b.name));
    expect(sent.abstract).toBe(paper.abstract);

    await library.toggle(paper, extraction);
    expect(background.calls[1]).toEqual({ type: 'paper/remove', payload: { id: paper.id } });
    expect(library.get(paper.id)).toEqual({ status: 'unsaved', saved: false });
  });

  it('shows a failed save as an error, never as saved; a failed remove keeps it saved', async () => {
    const background = fakeBackground();
    background.failWith = 'disk full';
    const library = new LibraryState(background.request, background.onBroadcast, new AbortController().signal);
    await library.toggle(paper, fakeExtract(paper));
    expect(library.get(paper.id)).toEqual({ status: 'error', saved: false, error: 'disk full' });

    background.failWith = undefined;
    await library.toggle(paper, fakeExtract(paper)); // trying again saves
    expect(library.get(paper.id)).toEqual({ status: 'saved', saved: true });
    background.failWith = 'worker gone';
    await library.toggle(paper, fakeExtract(paper));
    expect(library.get(paper.id)).toEqual({ status: 'error', saved: true, error: 'worker gone' });
  });

  it('ignores clicks while a request is on its way', async () => {
    const background = fakeBackground();
    const library = new LibraryState(background.request, background.onBroadcast, new AbortController().signal);
    const first = library.toggle(paper, fakeExtract(paper));
    const second = library.toggle(paper, fakeExtract(paper));
    await Promise.all([first, second]);
    expect(background.calls.map((c) => c.type)).toEqual(['paper/save']);
    expect(library.get(paper.id).saved).toBe(true);
  });

  it('follows broadcasts from other tabs, and stops when its signal aborts', async () => {
    const background = fakeBackground();
    const controller = new AbortController();
    const library = new LibraryState(background.request, background.onBroadcast, controller.signal);
    const listener = vi.fn();
    library.subscribe(paper.id, listener);
    background.broadcast({ id: paper.id, saved: true });
    expect(library.get(paper.id).saved).toBe(true);
    expect(listener).toHaveBeenCalledWith({ status: 'saved', saved: true });
    controller.abort();
    background.broadcast({ id: paper.id, saved: false });
    expect(library.get(paper.id).saved).toBe(true);
  });

  it('does not let a late status answer overwrite a click made since', async () => {
    const background = fakeBackground();
    const library = new LibraryState(background.request, background.onBroadcast, new AbortController().signal);
    library.queueStatus(paper.id);
    const asking = library.askStatus(); // answers "not saved"...
    await library.toggle(paper, fakeExtract(paper)); // ...while the user saves
    await asking;
    expect(library.get(paper.id).saved).toBe(true);
  });

  it('works over the real messaging client and WXT fakeBrowser', async () => {
    // The fake routes a reply through sendResponse (returning true), as Chrome's callback style does.
    fakeBrowser.runtime.onMessage.addListener(((message: { type: string; ids?: string[] }, _sender: unknown, sendResponse: (reply: unknown) => void) => {
      if (message.type !== 'paper/status') return undefined;
      sendResponse({ ok: true, value: message.ids!.filter((id) => id === paper.id) });
      return true;
    }) as never);
    const controller = new AbortController();
    const library = new LibraryState(request, onBroadcast, controller.signal);
    library.queueStatus(paper.id);
    library.queueStatus('2609.00001');
    await library.askStatus();
    expect(library.get(paper.id).saved).toBe(true);
    expect(library.get('2609.00001').status).toBe('unsaved');
    controller.abort();
  });
});

describe('LibraryState after a bulk change', () => {
  it('asks again about every paper on the page when an import or sync is announced as "many"', async () => {
    const listeners: ((message: import('../../../lib/messaging/protocol').Broadcast) => void)[] = [];
    const background = fakeBackground(['2609.00001']);
    const library = new LibraryState(
      background.request,
      (listener) => listeners.push(listener),
      new AbortController().signal,
    );
    for (const id of ['2609.00001', '2609.00002', '2609.00003']) library.queueStatus(id);
    await library.askStatus();
    expect(library.get('2609.00002').saved).toBe(false);

    // An import adds two papers and removes one, announced once.
    background.saved.clear();
    background.saved.add('2609.00002').add('2609.00003');
    for (const listener of listeners) listener({ type: 'library/changed', ids: 'many' });
    await vi.waitFor(() => expect(library.get('2609.00002').saved).toBe(true));
    expect(library.get('2609.00003').saved).toBe(true);
    expect(library.get('2609.00001').saved).toBe(false);
    expect(background.calls.filter((c) => c.type === 'paper/status')).toHaveLength(2);
  });

  it('does not let an answer to an older question overwrite a save made meanwhile', async () => {
    const background = fakeBackground();
    let answerStatus: (() => void) | undefined;
    const slowRequest: typeof background.request = (async (type: string, payload: never) => {
      if (type === 'paper/status') await new Promise<void>((resolve) => (answerStatus = resolve));
      return background.request(type as 'paper/status', payload);
    }) as typeof background.request;
    const library = new LibraryState(slowRequest, background.onBroadcast, new AbortController().signal);
    library.queueStatus(paper.id);
    const asking = library.askStatus(); // answered "not saved" only after the click below
    await library.toggle(paper, fakeExtract(paper));
    expect(library.get(paper.id).saved).toBe(true);
    background.saved.delete(paper.id); // the stale answer says unsaved
    answerStatus!();
    await asking;
    expect(library.get(paper.id)).toEqual({ status: 'saved', saved: true });
  });
});

import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBackground } from '../../../lib/background';
import { createBroadcaster } from '../../../lib/background/broadcast';
import { onBroadcast, request } from '../../../lib/messaging/client';
import type { Broadcast } from '../../../lib/messaging/protocol';
import { arxivId, paperToSave } from '../db/make-paper';

/** Messages each tab's content script received, by tab id. Tab 2 has no content script (rejects). */
let received: Map<number, unknown[]>;

beforeEach(async () => {
  received = new Map();
  await fakeBrowser.tabs.create({ url: 'https://huggingface.co/papers' });
  await fakeBrowser.tabs.create({ url: 'https://example.org/' });
  await fakeBrowser.tabs.create({ url: 'https://arxiv.org/list/cs.LG/new' });
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId: number, message: unknown) => {
    if (tabId === 2) throw new Error('Could not establish connection. Receiving end does not exist.');
    received.set(tabId, [...(received.get(tabId) ?? []), message]);
  });
});
afterEach(() => vi.restoreAllMocks());

const changed = (id: string, saved: boolean): Broadcast => ({ type: 'paper/changed', id, saved });

describe('after a change the worker tells every open page', () => {
  it('sends paper/changed to every tab and to extension pages such as the popup', async () => {
    startBackground();
    const popupHeard: Broadcast[] = [];
    onBroadcast((message) => popupHeard.push(message));

    const reply = await request('paper/save', { paper: paperToSave(arxivId(1)) });
    expect(reply.ok).toBe(true);
    await vi.waitFor(() => expect(received.get(3)).toEqual([changed(arxivId(1), true)]));
    const tabIds = (await fakeBrowser.tabs.query({})).map((tab) => tab.id);
    expect(tabIds).toEqual([0, 1, 2, 3]);
    for (const id of [0, 1, 3]) expect(received.get(id)).toEqual([changed(arxivId(1), true)]);
    expect(popupHeard).toEqual([changed(arxivId(1), true)]);

    await request('paper/remove', { id: arxivId(1) });
    await vi.waitFor(() => expect(received.get(3)).toHaveLength(2));
    expect(received.get(1)).toEqual([changed(arxivId(1), true), changed(arxivId(1), false)]);
    expect(popupHeard).toEqual([changed(arxivId(1), true), changed(arxivId(1), false)]);
  });

  it('keeps announcements in the order of the changes', async () => {
    const broadcast = createBroadcaster();
    const sequence = [changed('a', true), changed('a', false), changed('b', true), changed('a', true)];
    await Promise.all(sequence.map(broadcast));
    expect(received.get(1)).toEqual(sequence);
  });

  it('settles even when listing tabs fails and no page listens', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockRejectedValue(new Error('tabs unavailable'));
    const broadcast = createBroadcaster();
    await expect(broadcast(changed('a', true))).resolves.toBeUndefined();
    await expect(broadcast(changed('a', false))).resolves.toBeUndefined();
    expect(received.size).toBe(0);
  });

  it('does not announce a change that failed', async () => {
    startBackground();
    await request('paper/save', { paper: { ...paperToSave(arxivId(1)), url: 'javascript:alert(1)' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fakeBrowser.tabs.sendMessage).not.toHaveBeenCalled();
  });
});

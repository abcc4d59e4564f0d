import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBackground } from '../../../lib/background';
import { onBroadcast, request } from '../../../lib/messaging/client';
import type { Broadcast } from '../../../lib/messaging/protocol';
import { HIGHLIGHT_COMMAND } from '../../../lib/messaging/requests/highlights';
import { paperToSave } from '../db/make-paper';
import { newHighlight } from './make-highlight';

// The worker as the browser runs it (startBackground on the fake runtime), asked through the real client.

let commandListener: ((command: string, tab?: { id?: number }) => void) | undefined;
let broadcasts: Broadcast[];
let stopListening: AbortController;

beforeEach(() => {
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => {
    commandListener = listener as typeof commandListener;
  });
  startBackground();
  broadcasts = [];
  stopListening = new AbortController();
  onBroadcast((message) => broadcasts.push(message), stopListening.signal);
});
afterEach(() => {
  stopListening.abort();
  vi.restoreAllMocks();
});

async function ok<T>(reply: Promise<{ ok: true; value: T } | { ok: false; error: string }>): Promise<T> {
  const settled = await reply;
  if (!settled.ok) throw new Error(`expected ok, got: ${settled.error}`);
  return settled.value;
}

async function failure(reply: Promise<{ ok: true; value: unknown } | { ok: false; error: string }>): Promise<string> {
  const settled = await reply;
  if (settled.ok) throw new Error('expected a failure');
  return settled.error;
}

/** The worker answers and broadcasts asynchronously; a busy machine may take a moment. */
const SOON = { timeout: 5_000 };

const ARXIV_PAPER = paperToSave('2609.31620', { site: 'arxiv', url: 'https://arxiv.org/abs/2609.31620', title: 'FuseReg' });

describe('highlight/create', () => {
  it('saves a paper that is not in the library yet, through the library (the popup counts it)', async () => {
    const highlight = newHighlight('2609.31620');
    const stored = await ok(request('highlight/create', { highlight, paper: ARXIV_PAPER }));
    expect(stored).toMatchObject({ ...highlight });
    expect(stored.createdAt).toBeGreaterThan(0);
    expect(await ok(request('paper/status', { ids: ['2609.31620'] }))).toEqual(['2609.31620']);
    expect(await ok(request('library/summary', {}))).toMatchObject({ count: 1 });
    expect((await ok(request('library/list', { offset: 0, limit: 5 }))).items.map((paper) => paper.id)).toEqual(['2609.31620']);
    await vi.waitFor(() =>
      expect(broadcasts).toEqual([
        { type: 'paper/changed', id: '2609.31620', saved: true },
        { type: 'highlight/changed', paperId: '2609.31620', id: highlight.id, highlight: stored },
      ]),
      SOON,
    );
  });

  it('leaves a paper already saved as it was (no re-save from another site)', async () => {
    const saved = await ok(request('paper/save', { paper: paperToSave('2609.31620') }));
    await ok(request('highlight/create', { highlight: newHighlight('2609.31620'), paper: ARXIV_PAPER }));
    const [paper] = (await ok(request('library/list', { offset: 0, limit: 5 }))).items;
    expect(paper).toEqual(saved);
    // Announcements leave in order: once the highlight's is here, a second paper/changed would be too.
    await vi.waitFor(() => expect(broadcasts.some((b) => b.type === 'highlight/changed')).toBe(true), SOON);
    expect(broadcasts.filter((b) => b.type === 'paper/changed')).toHaveLength(1); // the save's own
  });

  it('is idempotent: the same create resent gives the same record', async () => {
    const highlight = newHighlight('2609.31620');
    const first = await ok(request('highlight/create', { highlight, paper: ARXIV_PAPER }));
    const second = await ok(request('highlight/create', { highlight, paper: ARXIV_PAPER }));
    expect(second).toEqual(first);
    expect(await ok(request('highlight/list', { paperIds: ['2609.31620'] }))).toEqual([first]);
  });

  it.each([
    ['an unknown colour', { color: 'chartreuse' }, /color must be one of/],
    ['a field that is neither title nor abstract', { field: 'authors' }, /field/],
    ['a position that does not span the quote', { position: { type: 'TextPositionSelector', start: 0, end: 3 } }, /does not span/],
    ['a blank quote', { quote: { type: 'TextQuoteSelector', exact: '   ', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 3 } }, /blank/],
    ['an id with markup in it', { id: '<img src=x>' }, /not a highlight id/],
    ['a paper id that is none', { paperId: 'not an id' }, /not a paper id/],
  ])('rejects %s, storing and saving nothing', async (_case, overrides, message) => {
    const highlight = { ...newHighlight('2609.31620'), ...overrides } as never;
    expect(await failure(request('highlight/create', { highlight, paper: ARXIV_PAPER }))).toMatch(message);
    expect(await ok(request('highlight/list', { paperIds: ['2609.31620'] }))).toEqual([]);
    expect(await ok(request('paper/status', { ids: ['2609.31620'] }))).toEqual([]);
  });

  it('rejects a highlight sent with another paper', async () => {
    const error = await failure(request('highlight/create', { highlight: newHighlight('2609.30222'), paper: ARXIV_PAPER }));
    expect(error).toMatch(/another paper/);
    expect(await ok(request('paper/status', { ids: ['2609.31620', '2609.30222'] }))).toEqual([]);
  });
});

describe('highlight/update, highlight/delete, highlight/list, highlight/papers', () => {
  it('edits, lists per paper and for the popup, deletes, and announces each change', async () => {
    const a = await ok(request('highlight/create', { highlight: newHighlight('2609.31620'), paper: ARXIV_PAPER }));
    await new Promise((resolve) => setTimeout(resolve, 2));
    const b = await ok(request('highlight/create', { highlight: newHighlight('2609.30222'), paper: paperToSave('2609.30222') }));

    await new Promise((resolve) => setTimeout(resolve, 2));
    const edited = await ok(request('highlight/update', { id: a.id, color: 'green', note: 'the trade-off' }));
    expect(edited).toMatchObject({ id: a.id, color: 'green', note: 'the trade-off', createdAt: a.createdAt });
    expect(await failure(request('highlight/update', { id: a.id, color: 'mauve' }))).toMatch(/color/);
    expect(await failure(request('highlight/update', { id: a.id }))).toMatch(/nothing to change/);

    const papers = await ok(request('highlight/papers', {}));
    expect(papers.map((paper) => [paper.paperId, paper.title, paper.count])).toEqual([
      ['2609.31620', 'FuseReg', 1], // edited last
      ['2609.30222', 'Paper 2609.30222', 1],
    ]);

    expect(await ok(request('highlight/delete', { id: b.id }))).toBe(true);
    expect(await ok(request('highlight/delete', { id: b.id }))).toBe(false);
    expect(await ok(request('highlight/list', { paperIds: ['2609.31620', '2609.30222'] }))).toEqual([edited]);
    expect(await failure(request('highlight/update', { id: b.id, note: 'too late' }))).toMatch(/no longer exists/);

    await vi.waitFor(() =>
      expect(broadcasts.filter((message) => message.type === 'highlight/changed')).toEqual([
        { type: 'highlight/changed', paperId: '2609.31620', id: a.id, highlight: a },
        { type: 'highlight/changed', paperId: '2609.30222', id: b.id, highlight: b },
        { type: 'highlight/changed', paperId: '2609.31620', id: a.id, highlight: edited },
        { type: 'highlight/changed', paperId: '2609.30222', id: b.id, highlight: null },
      ]),
      SOON,
    );
  });

  it('lists the highlights of a paper removed from the library, without a title', async () => {
    const a = await ok(request('highlight/create', { highlight: newHighlight('2609.31620'), paper: ARXIV_PAPER }));
    await ok(request('paper/remove', { id: '2609.31620' }));
    expect(await ok(request('highlight/list', { paperIds: ['2609.31620'] }))).toEqual([a]);
    expect(await ok(request('highlight/papers', {}))).toEqual([{ paperId: '2609.31620', count: 1, lastChange: a.updatedAt }]);
  });
});

describe('the highlight command', () => {
  it('forwards the shortcut to the tab it was pressed in, and ignores other commands', async () => {
    expect(commandListener).toBeDefined();
    commandListener!('something-else', { id: 4 });
    commandListener!(HIGHLIGHT_COMMAND, { id: 7 });
    await vi.waitFor(() => expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledTimes(1), SOON);
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'highlight/command' });
  });

  it('falls back to the active tab when the browser gives none', async () => {
    const focused = await fakeBrowser.windows.create({ focused: true });
    const tab = await fakeBrowser.tabs.create({ windowId: focused?.id, url: 'https://arxiv.org/list/cs.LG/new', active: true });
    commandListener!(HIGHLIGHT_COMMAND);
    await vi.waitFor(() => expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledWith(tab.id, { type: 'highlight/command' }), SOON);
  });
});

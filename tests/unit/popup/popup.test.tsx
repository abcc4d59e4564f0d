// @vitest-environment happy-dom
import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../../components/popup/PopupApp';
import { LIST_HEIGHT, OVERSCAN, ROW_HEIGHT } from '../../../components/popup/SavedPaperList';
import { startBackground } from '../../../lib/background';
import { openPaperlightDb, savePaper } from '../../../lib/db';
import { request } from '../../../lib/messaging/client';
import { breakIndexedDbOpen } from '../db/broken-storage';
import { arxivId, paperToSave } from '../db/make-paper';

// The popup against the real background handlers and a fake IndexedDB, through fake runtime messaging.
let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
  vi.restoreAllMocks();
});

function openPopup(): void {
  render(<PopupApp />, container);
}

const savedItems = () => [...container.querySelectorAll<HTMLElement>('[data-paperlight-saved-item]')];
const savedIds = () => savedItems().map((item) => item.dataset.paperlightId);
const heading = () => container.querySelector('h1')?.textContent;

async function seed(papers: { id: string; title?: string; topics?: string[]; benchmarks?: string[] }[]): Promise<void> {
  const db = await openPaperlightDb();
  for (const [i, { id, ...overrides }] of papers.entries()) await savePaper(db, paperToSave(id, overrides), 1_000 + i);
  db.close();
}

function type(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('popup', () => {
  it('shows a friendly empty state when nothing is saved', async () => {
    startBackground();
    openPopup();
    await vi.waitFor(() => expect(container.textContent).toContain('No saved papers yet.'));
    expect(heading()).toBe('0 saved papers');
    expect(container.querySelector('input[type=search]')).toBeNull();
    expect(savedItems()).toEqual([]);
  });

  it('lists saved papers newest first with links, badges and the summary', async () => {
    await seed([
      { id: arxivId(1), title: 'Reward models at scale', topics: ['reward-modeling'], benchmarks: ['RewardBench'] },
      { id: arxivId(2), title: 'Agents that browse', topics: ['agents', 'evaluation'], benchmarks: ['WebArena', 'GSM8K'] },
      { id: arxivId(3), title: 'Reward hacking in agents', topics: ['agents'], benchmarks: ['GSM8K'] },
    ]);
    startBackground();
    openPopup();
    await vi.waitFor(() => expect(savedIds()).toEqual([arxivId(3), arxivId(2), arxivId(1)]));
    expect(heading()).toBe('3 saved papers');

    const second = savedItems()[1]!;
    const link = second.querySelector('a')!;
    expect(link.textContent).toBe('Agents that browse');
    expect(link.getAttribute('href')).toBe(`https://huggingface.co/papers/${arxivId(2)}`);
    const badges = [...second.querySelectorAll<HTMLElement>('[data-paperlight-badge]')].map((badge) => [
      badge.dataset.kind,
      badge.dataset.value,
      badge.textContent,
    ]);
    expect(badges).toEqual([
      ['benchmark', 'WebArena', 'WebArena'],
      ['benchmark', 'GSM8K', 'GSM8K'],
      ['topic', 'agents', 'Agents & tool use'],
      ['topic', 'evaluation', 'Evaluation & benchmarks'],
    ]);

    const topTopics = container.querySelector('[aria-label="Top topics"]')!;
    expect([...topTopics.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Agents & tool use2',
      'Evaluation & benchmarks1',
      'Reward modeling1',
    ]);
    const topBenchmarks = container.querySelector('[aria-label="Top benchmarks"]')!;
    expect(topBenchmarks.querySelector('li')?.textContent).toBe('GSM8K2');
  });

  it('searches titles after a pause in typing', async () => {
    await seed([
      { id: arxivId(1), title: 'Reward models at scale' },
      { id: arxivId(2), title: 'Agents that browse' },
      { id: arxivId(3), title: 'Reward hacking in agents' },
    ]);
    startBackground();
    openPopup();
    await vi.waitFor(() => expect(savedItems()).toHaveLength(3));
    const search = container.querySelector<HTMLInputElement>('input[type=search]')!;

    type(search, 'rew');
    type(search, 'reward');
    await vi.waitFor(() => expect(savedIds()).toEqual([arxivId(3), arxivId(1)]));
    type(search, 'reward agents');
    await vi.waitFor(() => expect(savedIds()).toEqual([arxivId(3)]));
    type(search, 'diffusion');
    await vi.waitFor(() => expect(container.textContent).toContain('No saved paper has “diffusion” in its title.'));
    expect(savedItems()).toEqual([]);
    type(search, '');
    await vi.waitFor(() => expect(savedItems()).toHaveLength(3));
  });

  it('removes a paper: gone from the list, the count and the store', async () => {
    await seed([{ id: arxivId(1) }, { id: arxivId(2) }]);
    startBackground();
    openPopup();
    await vi.waitFor(() => expect(savedItems()).toHaveLength(2));

    const row = savedItems().find((item) => item.dataset.paperlightId === arxivId(1))!;
    const remove = row.querySelector<HTMLButtonElement>('button.remove')!;
    expect(remove.getAttribute('aria-label')).toBe(`Remove “Paper ${arxivId(1)}” from saved papers`);
    remove.focus();
    remove.click();
    await vi.waitFor(() => expect(savedIds()).toEqual([arxivId(2)]));
    expect(heading()).toBe('1 saved paper');
    // Keyboard users keep their place: focus moves to the row that took the removed one's place.
    await vi.waitFor(() => expect(document.activeElement).toBe(savedItems()[0]!.querySelector('button.remove')));
    expect(await request('paper/status', { ids: [arxivId(1), arxivId(2)] })).toEqual({ ok: true, value: [arxivId(2)] });
  });

  it('shows a paper saved in another tab while open', async () => {
    await seed([{ id: arxivId(1) }]);
    startBackground();
    openPopup();
    await vi.waitFor(() => expect(savedItems()).toHaveLength(1));
    // What a content script sends; the worker's broadcast reaches the popup over runtime messaging.
    await request('paper/save', { paper: paperToSave(arxivId(9), { title: 'Saved elsewhere' }) });
    await vi.waitFor(() => expect(savedIds()).toEqual([arxivId(9), arxivId(1)]));
    expect(heading()).toBe('2 saved papers');
  });

  it('shows a clear error when the background does not answer, and recovers on "Try again"', async () => {
    openPopup(); // no background listening; the client retries for about 3 s before giving up
    const alert = await vi.waitFor(
      () => {
        const found = container.querySelector('[role=alert]');
        expect(found).not.toBeNull();
        return found!;
      },
      { timeout: 6_000, interval: 100 },
    );
    expect(alert.textContent).toMatch(/Could not load .*background worker did not answer/);
    expect(savedItems()).toEqual([]);

    await seed([{ id: arxivId(1) }]);
    startBackground();
    container.querySelector<HTMLButtonElement>('[role=alert] button')!.click();
    await vi.waitFor(() => expect(savedIds()).toEqual([arxivId(1)]));
    expect(container.querySelector('[role=alert]')).toBeNull();
  });

  it('shows a failed removal as failed and keeps the paper', async () => {
    await seed([{ id: arxivId(1) }]);
    startBackground();
    openPopup();
    await vi.waitFor(() => expect(savedItems()).toHaveLength(1));
    // The worker restarts and finds its database unavailable.
    fakeBrowser.runtime.onMessage.removeAllListeners();
    startBackground();
    const repair = breakIndexedDbOpen('UnknownError', 'locked');
    const remove = savedItems()[0]!.querySelector<HTMLButtonElement>('button.remove')!;
    remove.focus();
    remove.click();
    await vi.waitFor(() => expect(container.querySelector('[role=alert]')?.textContent).toMatch(/Could not remove the paper/));
    repair();
    expect(savedIds()).toEqual([arxivId(1)]);
    expect(remove.hasAttribute('disabled')).toBe(false);
    expect(document.activeElement).toBe(remove);
  });
});

describe('popup with a large library', () => {
  it('renders only the rows in view and fetches pages as the list scrolls', async () => {
    const count = 1_000;
    await seed(Array.from({ length: count }, (_, i) => ({ id: arxivId(i + 1), title: `Paper number ${i + 1}` })));
    startBackground();
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    openPopup();
    await vi.waitFor(() => expect(savedItems().length).toBeGreaterThan(0));
    expect(heading()).toBe('1,000 saved papers');
    const rowsInView = Math.ceil(LIST_HEIGHT / ROW_HEIGHT);
    const mostRendered = rowsInView + 1 + 2 * OVERSCAN;
    expect(savedItems().length).toBeGreaterThanOrEqual(rowsInView);
    expect(savedItems().length).toBeLessThanOrEqual(mostRendered);
    expect(savedIds()[0]).toBe(arxivId(count));

    const viewport = container.querySelector<HTMLElement>('.list-viewport')!;
    viewport.scrollTop = 500 * ROW_HEIGHT;
    viewport.dispatchEvent(new Event('scroll'));
    await vi.waitFor(() => expect(savedIds()).toContain(arxivId(count - 500)));
    expect(savedItems().length).toBeLessThanOrEqual(mostRendered);
    const row = savedItems().find((item) => item.dataset.paperlightId === arxivId(count - 500))!;
    expect(row.style.top).toBe(`${500 * ROW_HEIGHT}px`);

    const listRequests = sent.mock.calls
      .map(([message]) => message as unknown as { type: string; limit?: number })
      .filter((message) => message.type === 'library/list');
    expect(listRequests.length).toBeGreaterThanOrEqual(2);
    for (const message of listRequests) expect(message.limit).toBeLessThanOrEqual(50);
  });
});

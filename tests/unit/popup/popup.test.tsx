// @vitest-environment happy-dom
import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../../components/popup/PopupApp';
import { LIST_HEIGHT, OVERSCAN, ROW_HEIGHT } from '../../../components/popup/SavedPaperList';
import { editPaper, openPaperlightDb, savePaper } from '../../../lib/db';
import type { LibraryPaper } from '../../../lib/db/schema';
import { backupText, createBackup } from '../../../lib/library/backup';
import { request } from '../../../lib/messaging/client';
import { breakIndexedDbOpen } from '../db/broken-storage';
import { arxivId, paperToSave } from '../db/make-paper';
import { ok, startLibraryWorker } from '../library/worker';

// The popup against the real background handlers and a fake IndexedDB, through fake runtime messaging.
let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection.'));
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
const row = (id: string) => container.querySelector<HTMLElement>(`[data-paperlight-saved-item][data-paperlight-id="${id}"]`)!;
const action = (root: ParentNode, name: string) => root.querySelector<HTMLButtonElement>(`[data-paperlight-action="${name}"]`)!;
const searchBox = () => container.querySelector<HTMLInputElement>('input[type=search]')!;

type Seed = { id: string; title?: string; topics?: string[]; benchmarks?: string[]; authors?: string[]; published?: string; tags?: string[]; read?: boolean };

async function seed(papers: Seed[]): Promise<void> {
  const db = await openPaperlightDb();
  for (const [i, { id, tags, read, ...overrides }] of papers.entries()) {
    await savePaper(db, paperToSave(id, overrides), 1_000 + i);
    if (tags || read) await editPaper(db, id, { ...(tags ? { tags } : {}), ...(read ? { read } : {}) }, 1_000 + i);
  }
  db.close();
}

async function stored(id: string): Promise<LibraryPaper | undefined> {
  return (await ok(request('library/get', { ids: [id] })))[0];
}

/** Click a row's "Details" and wait for them to show. */
async function openDetails(id: string): Promise<HTMLElement> {
  action(row(id), 'details').click();
  return vi.waitFor(() => {
    const found = row(id).querySelector<HTMLElement>('[data-paperlight-details]');
    expect(found).not.toBeNull();
    return found!;
  });
}

/** Let Preact re-render after a state change (a click on a radio button) before the next step. */
const rendered = () => new Promise((resolve) => setTimeout(resolve, 0));

function type(input: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('popup', () => {
  it('shows a friendly empty state when nothing is saved, and still offers Import', async () => {
    startLibraryWorker();
    openPopup();
    await vi.waitFor(() => expect(container.querySelector('[data-paperlight-empty]')?.textContent).toContain('No saved papers yet.'));
    expect(heading()).toBe('0 saved papers');
    expect(container.querySelector('input[type=search]')).toBeNull();
    expect(savedItems()).toEqual([]);
    expect(action(container, 'import').disabled).toBe(false);
    expect(action(container, 'export').disabled).toBe(true);
  });

  it('lists saved papers newest first with links, badges, tags, read state and the chart', async () => {
    await seed([
      { id: arxivId(1), title: 'Reward models at scale', topics: ['reward-modeling'], benchmarks: ['RewardBench'] },
      { id: arxivId(2), title: 'Agents that browse', topics: ['agents', 'evaluation'], benchmarks: ['WebArena', 'GSM8K'], tags: ['to-read'] },
      { id: arxivId(3), title: 'Reward hacking in agents', topics: ['agents'], benchmarks: ['GSM8K'], read: true },
    ]);
    startLibraryWorker();
    openPopup();
    await vi.waitFor(() => expect(savedIds()).toEqual([arxivId(3), arxivId(2), arxivId(1)]));
    expect(heading()).toBe('3 saved papers');

    const second = row(arxivId(2));
    const link = second.querySelector('a')!;
    expect(link.textContent).toBe('Agents that browse');
    expect(link.getAttribute('href')).toBe(`https://huggingface.co/papers/${arxivId(2)}`);
    const badges = [...second.querySelectorAll<HTMLElement>('[data-paperlight-badge]')].map((badge) => [badge.dataset.kind, badge.dataset.value, badge.textContent]);
    expect(badges).toEqual([
      ['benchmark', 'WebArena', 'WebArena'],
      ['benchmark', 'GSM8K', 'GSM8K'],
      ['topic', 'agents', 'Agents & tool use'],
      ['topic', 'evaluation', 'Evaluation & benchmarks'],
    ]);
    expect([...second.querySelectorAll('[data-paperlight-tag]')].map((tag) => tag.textContent)).toEqual(['to-read']);
    expect(row(arxivId(3)).dataset.read).toBe('true');
    expect(action(row(arxivId(3)), 'toggle-read').getAttribute('aria-pressed')).toBe('true');
    expect(second.dataset.read).toBe('false');

    await vi.waitFor(() => expect(container.querySelector('[data-paperlight-chart]')).not.toBeNull());
    const topics = [...container.querySelectorAll<HTMLElement>('.chart-bar')].map((bar) => [bar.dataset.facetValue, bar.querySelector('.chart-bar-count')!.textContent]);
    expect(topics).toEqual([
      ['agents', '2'],
      ['evaluation', '1'],
      ['reward-modeling', '1'],
    ]);
    const weeks = [...container.querySelectorAll<HTMLElement>('[data-week]')];
    expect(weeks).toHaveLength(12);
    // The fixture papers were saved in 1970: none in the last 12 weeks.
    expect(weeks.map((week) => week.dataset.count)).toEqual(Array(12).fill('0'));
  });

  it('searches with free words and field filters after a pause in typing, and says what it cannot use', async () => {
    await seed([
      { id: arxivId(1), title: 'Reward models at scale', authors: ['Ada Lovelace'], tags: ['rlhf'] },
      { id: arxivId(2), title: 'Agents that browse', authors: ['Alan Turing'] },
      { id: arxivId(3), title: 'Reward hacking in agents', authors: ['Grace Hopper'], read: true },
    ]);
    startLibraryWorker();
    openPopup();
    await vi.waitFor(() => expect(savedItems()).toHaveLength(3));

    type(searchBox(), 'rew');
    type(searchBox(), 'reward');
    await vi.waitFor(() => expect(savedIds()).toEqual([arxivId(3), arxivId(1)]));
    type(searchBox(), 'reward is:unread');
    await vi.waitFor(() => expect(savedIds()).toEqual([arxivId(1)]));
    expect(heading()).toBe('3 saved papers · 1 matching');
    type(searchBox(), 'author:turing');
    await vi.waitFor(() => expect(savedIds()).toEqual([arxivId(2)]));
    type(searchBox(), 'tag:rlhf');
    await vi.waitFor(() => expect(savedIds()).toEqual([arxivId(1)]));
    expect([...container.querySelectorAll<HTMLElement>('[data-filter-field]')].map((chip) => chip.dataset.filterField)).toEqual(['tag']);
    type(searchBox(), 'is:starred');
    await vi.waitFor(() => expect(container.querySelector('.query-problem')?.textContent).toMatch(/“is:starred” is not a filter/));
    type(searchBox(), 'diffusion');
    await vi.waitFor(() => expect(container.textContent).toContain('No saved paper matches “diffusion”.'));
    expect(savedItems()).toEqual([]);
    type(searchBox(), '');
    await vi.waitFor(() => expect(savedItems()).toHaveLength(3));
  });

  it('filters by a topic or benchmark when its badge is clicked, and drops the filter from its chip', async () => {
    await seed([
      { id: arxivId(1), title: 'Reward models', topics: ['reward-modeling'], benchmarks: ['RewardBench'] },
      { id: arxivId(2), title: 'Agents', topics: ['agents'], benchmarks: ['GSM8K'] },
      { id: arxivId(3), title: 'More agents', topics: ['agents'], benchmarks: ['WebArena'] },
    ]);
    startLibraryWorker();
    openPopup();
    await vi.waitFor(() => expect(savedItems()).toHaveLength(3));
    row(arxivId(2)).querySelector<HTMLElement>('[data-paperlight-badge][data-value="agents"]')!.click();
    await vi.waitFor(() => expect(savedIds()).toEqual([arxivId(3), arxivId(2)]));
    expect(searchBox().value).toBe('topic:agents');
    row(arxivId(3)).querySelector<HTMLElement>('[data-paperlight-badge][data-value="WebArena"]')!.click();
    await vi.waitFor(() => expect(savedIds()).toEqual([arxivId(3)]));
    expect(searchBox().value).toBe('topic:agents bench:WebArena');

    container.querySelector<HTMLButtonElement>('[data-filter-field="topic"] .chip-remove')!.click();
    await vi.waitFor(() => expect(searchBox().value).toBe('bench:WebArena'));
    container.querySelector<HTMLButtonElement>('[data-filter-field="bench"] .chip-remove')!.click();
    await vi.waitFor(() => expect(savedItems()).toHaveLength(3));
    // The chart's topic bars filter too.
    await vi.waitFor(() => expect(container.querySelector('.chart-bar[data-facet-value="reward-modeling"]')).not.toBeNull());
    container.querySelector<HTMLButtonElement>('.chart-bar[data-facet-value="reward-modeling"]')!.click();
    await vi.waitFor(() => expect(savedIds()).toEqual([arxivId(1)]));
  });

  it('sorts by publication date, undated papers last', async () => {
    await seed([
      { id: 'doi:10.1/old', title: 'Undated', published: undefined },
      { id: arxivId(2), title: 'From January 2024 (by its id)' },
      { id: arxivId(3), title: 'Published in 2025', published: '2025-03-01' },
      { id: 'doi:10.1/new', title: 'Published in 2023', published: '2023-12-31' },
    ]);
    startLibraryWorker();
    openPopup();
    await vi.waitFor(() => expect(savedIds()).toEqual(['doi:10.1/new', arxivId(3), arxivId(2), 'doi:10.1/old']));
    const select = container.querySelector<HTMLSelectElement>('select[aria-label="Sort"]')!;
    select.value = 'published';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(savedIds()).toEqual([arxivId(3), arxivId(2), 'doi:10.1/new', 'doi:10.1/old']));
  });

  it('opens a paper’s details: adds tags with suggestions, removes one, keeps a note, marks it read', async () => {
    await seed([
      { id: arxivId(1), title: 'Tagged already', tags: ['rlhf', 'reading-group'] },
      { id: arxivId(2), title: 'To be tagged', authors: ['Ada Lovelace', 'Alan Turing'] },
    ]);
    startLibraryWorker();
    openPopup();
    await vi.waitFor(() => expect(savedItems()).toHaveLength(2));
    const details = await openDetails(arxivId(2));
    expect(action(row(arxivId(2)), 'details').getAttribute('aria-expanded')).toBe('true');
    expect(details.textContent).toContain('Ada Lovelace, Alan Turing');

    const tagInput = details.querySelector<HTMLInputElement>('[data-paperlight-field="tag-input"]')!;
    type(tagInput, 're');
    await vi.waitFor(() => expect([...details.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'))).toEqual(['reading-group']));
    type(tagInput, 'rl');
    await vi.waitFor(() => expect([...details.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'))).toEqual(['rlhf']));
    type(tagInput, 'rlhf, to read,');
    await vi.waitFor(() => expect([...row(arxivId(2)).querySelectorAll('.saved-item-badges [data-paperlight-tag]')].map((t) => t.textContent)).toEqual(['rlhf', 'to read']));
    expect(tagInput.value).toBe('');
    type(tagInput, 'survey');
    tagInput.form!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await vi.waitFor(async () => expect((await stored(arxivId(2)))?.tags).toEqual(['rlhf', 'survey', 'to read']));
    details.querySelector<HTMLButtonElement>('[data-paperlight-tag="rlhf"] .chip-remove')!.click();
    await vi.waitFor(async () => expect((await stored(arxivId(2)))?.tags).toEqual(['survey', 'to read']));

    const note = details.querySelector<HTMLTextAreaElement>('[data-paperlight-field="paper-note"]')!;
    type(note, 'Compare with');
    type(note, 'Compare with the DPO baseline, "Table 3".');
    await vi.waitFor(async () => expect((await stored(arxivId(2)))?.note).toBe('Compare with the DPO baseline, "Table 3".'), { timeout: 3_000 });
    await vi.waitFor(() => expect(details.querySelector('.note-status')?.textContent).toBe('saved'));

    action(row(arxivId(2)), 'toggle-read').click();
    await vi.waitFor(() => expect(row(arxivId(2)).dataset.read).toBe('true'));
    expect((await stored(arxivId(2)))?.readAt).toBeGreaterThan(0);
    expect(details.querySelector<HTMLInputElement>('[data-paperlight-field="read"]')!.checked).toBe(true);

    // The highlights of the paper are part of its details (issue 5's list).
    expect(details.querySelector('[data-paperlight-paper-highlights], .pl-hl-loading')).not.toBeNull();
  });

  it('sends a note typed just before the popup closes at once, not after the typing pause', async () => {
    await seed([{ id: arxivId(1), title: 'Noted in a hurry' }]);
    startLibraryWorker();
    openPopup();
    await vi.waitFor(() => expect(savedItems()).toHaveLength(1));
    const note = (await openDetails(arxivId(1))).querySelector<HTMLTextAreaElement>('[data-paperlight-field="paper-note"]')!;
    const edits = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const sentNotes = () => edits.mock.calls.map(([message]) => message as unknown as { type: string; edit?: { note?: string } }).filter((m) => m.type === 'library/edit').map((m) => m.edit?.note);
    type(note, 'Read section 4 first');
    expect(sentNotes()).toEqual([]); // the typing pause has not passed
    // Closing the popup hides its page.
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(sentNotes()).toEqual(['Read section 4 first']);
    await vi.waitFor(async () => expect((await stored(arxivId(1)))?.note).toBe('Read section 4 first'));
  });

  it('removes a paper with undo: gone from the list and the store, then back exactly as it was', async () => {
    await seed([{ id: arxivId(1), tags: ['keep-me'] }, { id: arxivId(2) }]);
    startLibraryWorker();
    openPopup();
    await vi.waitFor(() => expect(savedItems()).toHaveLength(2));
    const before = await stored(arxivId(1));

    const remove = row(arxivId(1)).querySelector<HTMLButtonElement>('button.remove')!;
    expect(remove.getAttribute('aria-label')).toBe(`Remove “Paper ${arxivId(1)}” from saved papers`);
    remove.focus();
    remove.click();
    await vi.waitFor(() => expect(savedIds()).toEqual([arxivId(2)]));
    expect(heading()).toBe('1 saved paper');
    // Keyboard users keep their place: focus moves to the row that took the removed one's place.
    await vi.waitFor(() => expect(document.activeElement).toBe(savedItems()[0]!.querySelector('button.remove')));
    expect(await request('paper/status', { ids: [arxivId(1), arxivId(2)] })).toEqual({ ok: true, value: [arxivId(2)] });

    const undo = container.querySelector<HTMLElement>(`[data-paperlight-undo="${arxivId(1)}"]`)!;
    expect(undo.textContent).toContain(`Removed “Paper ${arxivId(1)}”.`);
    action(undo, 'undo-remove').click();
    await vi.waitFor(() => expect(savedIds()).toEqual([arxivId(2), arxivId(1)]));
    const after = await stored(arxivId(1));
    expect({ ...after, updatedAt: 0 }).toEqual({ ...before, updatedAt: 0 });
    expect(after!.updatedAt).toBeGreaterThanOrEqual(before!.updatedAt);
    expect(container.querySelector('[data-paperlight-undo]')).toBeNull();
  });

  it('shows a paper saved, or tagged, in another tab while open', async () => {
    await seed([{ id: arxivId(1) }]);
    startLibraryWorker();
    openPopup();
    await vi.waitFor(() => expect(savedItems()).toHaveLength(1));
    // What a content script sends; the worker's broadcast reaches the popup over runtime messaging.
    await request('paper/save', { paper: paperToSave(arxivId(9), { title: 'Saved elsewhere' }) });
    await vi.waitFor(() => expect(savedIds()).toEqual([arxivId(9), arxivId(1)]));
    expect(heading()).toBe('2 saved papers');
    await request('library/edit', { id: arxivId(1), edit: { addTags: ['from-the-keyboard'] } });
    await vi.waitFor(() => expect(row(arxivId(1)).querySelector('[data-paperlight-tag]')?.textContent).toBe('from-the-keyboard'));
  });

  it('shows a clear error when the background does not answer, and recovers on "Try again"', async () => {
    openPopup(); // no background listening; the client retries for about 3 s before giving up
    const alert = await vi.waitFor(
      () => {
        const found = container.querySelector('.error[role=alert]');
        expect(found).not.toBeNull();
        return found!;
      },
      { timeout: 6_000, interval: 100 },
    );
    expect(alert.textContent).toMatch(/Could not load .*background worker did not answer/);
    expect(savedItems()).toEqual([]);

    await seed([{ id: arxivId(1) }]);
    startLibraryWorker();
    container.querySelector<HTMLButtonElement>('.error[role=alert] button')!.click();
    await vi.waitFor(() => expect(savedIds()).toEqual([arxivId(1)]));
    expect(container.querySelector('.error[role=alert]')).toBeNull();
  });

  it('shows a failed removal as failed and keeps the paper', async () => {
    await seed([{ id: arxivId(1) }]);
    const worker = startLibraryWorker();
    openPopup();
    await vi.waitFor(() => expect(savedItems()).toHaveLength(1));
    // The worker restarts and finds its database unavailable.
    worker.restart();
    const repair = breakIndexedDbOpen('UnknownError', 'locked');
    const remove = savedItems()[0]!.querySelector<HTMLButtonElement>('button.remove')!;
    remove.focus();
    remove.click();
    await vi.waitFor(() => expect(container.querySelector('.error[role=alert]')?.textContent).toMatch(/Could not remove the paper/));
    repair();
    expect(savedIds()).toEqual([arxivId(1)]);
    expect(remove.hasAttribute('disabled')).toBe(false);
    expect(document.activeElement).toBe(remove);
    expect(container.querySelector('[data-paperlight-undo]')).toBeNull();
  });
});

describe('exports and import from the popup', () => {
  /** What the popup hands to the browser to download: the anchor's file name and the blob's text. */
  function captureDownloads(): { filename: string; text: Promise<string> }[] {
    const downloads: { filename: string; text: Promise<string> }[] = [];
    const blobs = new Map<string, Blob>();
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      const url = `blob:test/${blobs.size}`;
      blobs.set(url, blob as Blob);
      return url;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ filename: this.download, text: blobs.get(this.getAttribute('href')!)!.text() });
    });
    return downloads;
  }

  it('exports the whole library or the current search, in each format, as a download', async () => {
    await seed([
      { id: arxivId(1), title: 'Reward models', tags: ['rlhf'] },
      { id: arxivId(2), title: 'Agents' },
    ]);
    startLibraryWorker();
    const downloads = captureDownloads();
    openPopup();
    await vi.waitFor(() => expect(savedItems()).toHaveLength(2));

    action(container, 'export').click();
    await vi.waitFor(() => expect(container.querySelector('[data-paperlight-export="bibtex"]')).not.toBeNull());
    container.querySelector<HTMLButtonElement>('[data-paperlight-export="bibtex"]')!.click();
    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.filename).toMatch(/^paperlight-\d{4}-\d{2}-\d{2}\.bib$/);
    expect((await downloads[0]!.text).match(/^@misc\{/gm)).toHaveLength(2);
    expect(container.querySelector('[data-paperlight-files-message="status"]')?.textContent).toMatch(/Exported 2 papers to paperlight-.*\.bib\./);

    type(searchBox(), 'tag:rlhf');
    await vi.waitFor(() => expect(savedItems()).toHaveLength(1));
    action(container, 'export').click();
    const filtered = await vi.waitFor(() => {
      const radio = container.querySelector<HTMLInputElement>('[data-paperlight-field="export-filtered"]');
      expect(radio).not.toBeNull();
      return radio!;
    });
    filtered.click();
    await rendered();
    container.querySelector<HTMLButtonElement>('[data-paperlight-export="csv"]')!.click();
    await vi.waitFor(() => expect(downloads).toHaveLength(2));
    const csv = await downloads[1]!.text;
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(2); // header + the one matching paper
    expect(csv).toContain('Reward models');

    action(container, 'export').click();
    await vi.waitFor(() => expect(container.querySelector('[data-paperlight-export="json"]')).not.toBeNull());
    container.querySelector<HTMLInputElement>('input[name="export-scope"]:not([data-paperlight-field])')!.click();
    await rendered();
    container.querySelector<HTMLButtonElement>('[data-paperlight-export="json"]')!.click();
    await vi.waitFor(() => expect(downloads).toHaveLength(3));
    expect(JSON.parse(await downloads[2]!.text)).toMatchObject({ format: 'paperlight-backup', version: 1, papers: [{}, {}] });
  });

  it('restores a backup file chosen in the popup and reports what it did; a broken one changes nothing', async () => {
    await seed([{ id: arxivId(1) }]);
    startLibraryWorker();
    openPopup();
    await vi.waitFor(() => expect(savedItems()).toHaveLength(1));
    const input = container.querySelector<HTMLInputElement>('[data-paperlight-field="backup-file"]')!;
    const choose = (file: File) => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    };

    choose(new File(['{"format":"paperlight-backup","version":1,"papers":[{"id":'], 'cut.json', { type: 'application/json' }));
    await vi.waitFor(() => expect(container.querySelector('[data-paperlight-files-message="problem"]')?.textContent).toMatch(/incomplete.*Nothing was changed/));
    expect(savedItems()).toHaveLength(1);

    const backup = createBackup({
      papers: [
        { ...paperToSave(arxivId(7), { title: 'From the backup' }), savedAt: 5, updatedAt: 5, tags: ['restored'] },
        { ...paperToSave(arxivId(1)), savedAt: 1, updatedAt: 1 },
      ],
      highlights: [],
      settings: {},
    });
    choose(new File([backupText(backup)], 'paperlight-backup.json', { type: 'application/json' }));
    await vi.waitFor(() =>
      expect(container.querySelector('[data-paperlight-files-message="status"]')?.textContent).toBe(
        'Backup restored: 1 paper added, 1 updated, 0 already up to date; 0 highlights added, 0 updated.',
      ),
    );
    await vi.waitFor(() => expect(savedIds()).toContain(arxivId(7)));
    expect((await stored(arxivId(7)))?.tags).toEqual(['restored']);
  });
});

describe('popup with a large library', () => {
  it('renders only the rows in view and fetches pages as the list scrolls', async () => {
    const count = 1_000;
    await seed(Array.from({ length: count }, (_, i) => ({ id: arxivId(i + 1), title: `Paper number ${i + 1}` })));
    startLibraryWorker();
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    openPopup();
    await vi.waitFor(() => expect(savedItems().length).toBeGreaterThan(0));
    await vi.waitFor(() => expect(heading()).toBe('1,000 saved papers'));
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
    expect(row(arxivId(count - 500)).style.top).toBe(`${500 * ROW_HEIGHT}px`);

    const listRequests = sent.mock.calls
      .map(([message]) => message as unknown as { type: string; limit?: number })
      .filter((message) => message.type === 'library/search');
    expect(listRequests.length).toBeGreaterThanOrEqual(2);
    for (const message of listRequests) expect(message.limit).toBeLessThanOrEqual(50);
  });
});

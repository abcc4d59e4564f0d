// @vitest-environment happy-dom
import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PaperHighlights } from '../../../components/popup/PaperHighlights';
import { UnsavedPaperHighlights } from '../../../components/popup/highlights/UnsavedPaperHighlights';
import { startBackground } from '../../../lib/background';
import type { StoredHighlight } from '../../../lib/db/schema';
import { request } from '../../../lib/messaging/client';
import type { PageHighlightStatus } from '../../../lib/messaging/requests/highlights';
import { paperToSave } from '../db/make-paper';
import { newHighlight } from './make-highlight';

// The popup's highlight list against the real background (fake IndexedDB, fake runtime messaging).

/** The worker answers and broadcasts asynchronously; a busy machine may take a moment. */
const SOON = { timeout: 5_000 };

let container: HTMLElement;
/** What the active tab's content script answers (undefined: no tab with Paperlight). */
let tabAnswer: PageHighlightStatus | undefined;

beforeEach(async () => {
  container = document.createElement('div');
  document.body.append(container);
  tabAnswer = undefined;
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tabId: number, message: { type: string }) => {
    if (message.type === 'highlight/page-status' && tabAnswer) return tabAnswer;
    throw new Error('Could not establish connection. Receiving end does not exist.');
  }) as never);
  const focused = await fakeBrowser.windows.create({ focused: true });
  await fakeBrowser.tabs.create({ windowId: focused?.id, url: 'https://arxiv.org/list/cs.LG/new', active: true });
  startBackground();
});
afterEach(() => {
  render(null, container);
  container.remove();
  vi.restoreAllMocks();
});

async function create(paperId: string, quote: string, overrides: Partial<StoredHighlight> = {}): Promise<StoredHighlight> {
  const reply = await request('highlight/create', {
    highlight: newHighlight(paperId, quote, overrides),
    paper: paperToSave(paperId, { title: `Paper ${paperId}` }),
  });
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

const items = () => [...container.querySelectorAll<HTMLElement>('[data-paperlight-highlight-item]')];
const button = (item: Element, action: string) => item.querySelector<HTMLButtonElement>(`[data-paperlight-action="${action}"]`)!;

describe('PaperHighlights', () => {
  it('lists a paper’s highlights with colour, quote, field and note', async () => {
    await create('2609.31620', 'This choice involves a trade-off.', { note: 'the key question', color: 'green' });
    await create('2609.31620', 'Representation autoencoders (RAEs)', { field: 'title' });
    await create('2609.30222', 'This choice involves a trade-off.');
    render(<PaperHighlights paperId="2609.31620" title="FuseReg" pageStatus={null} />, container);
    await vi.waitFor(() => expect(items()).toHaveLength(2), SOON);
    const [first, second] = items();
    expect(first!.querySelector('blockquote')!.textContent).toBe('This choice involves a trade-off.');
    expect(first!.dataset.color).toBe('green');
    expect(first!.textContent).toContain('Abstract');
    expect(first!.textContent).toContain('the key question');
    expect(second!.textContent).toContain('Title');
    expect(container.querySelector('ul')!.getAttribute('aria-label')).toBe('Highlights of “FuseReg”');
  });

  it('renders page text as text, never as markup', async () => {
    const text = 'A <img src=x onerror=alert(1)> quote';
    const reply = await request('highlight/create', {
      highlight: newHighlight('2609.31620', text, { note: '<b>bold?</b>' }, `Before. ${text} After.`),
      paper: paperToSave('2609.31620'),
    });
    expect(reply.ok).toBe(true);
    render(<PaperHighlights paperId="2609.31620" pageStatus={null} />, container);
    await vi.waitFor(() => expect(items()).toHaveLength(1), SOON);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(items()[0]!.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('marks the highlights the active tab could not place as "not found on this page", and keeps them', async () => {
    const shown = await create('2609.31620', 'This choice involves a trade-off.');
    const missing = await create('2609.31620', 'Representation autoencoders (RAEs)');
    const inTitle = await create('2609.31620', 'latents, integrating', { field: 'title' });
    tabAnswer = { papers: { '2609.31620': { shown: [shown.id], notFound: [missing.id], fieldNotShown: [inTitle.id] } } };
    render(<PaperHighlights paperId="2609.31620" />, container);
    await vi.waitFor(() => expect(container.querySelectorAll('[data-paperlight-not-found]')).toHaveLength(1), SOON);
    const flagged = items().find((item) => item.querySelector('[data-paperlight-not-found]'))!;
    expect(flagged.dataset.paperlightHighlightItem).toBe(missing.id);
    expect(flagged.textContent).toContain('not found on this page');
    const elsewhere = items().find((item) => item.dataset.paperlightHighlightItem === inTitle.id)!;
    expect(elsewhere.textContent).toContain('title not shown on this page');
    expect(elsewhere.querySelector('[data-paperlight-not-found]')).toBeNull();
    expect(items()).toHaveLength(3);
  });

  it('edits colour and note', async () => {
    const highlight = await create('2609.31620', 'This choice involves a trade-off.');
    render(<PaperHighlights paperId="2609.31620" pageStatus={null} />, container);
    await vi.waitFor(() => expect(items()).toHaveLength(1), SOON);
    button(items()[0]!, 'edit-highlight').click();
    await vi.waitFor(() => expect(container.querySelector('form')).not.toBeNull(), SOON);
    container.querySelector<HTMLInputElement>('input[type=radio][value="purple"]')!.click();
    container.querySelector<HTMLTextAreaElement>('textarea')!.value = 'edited in the popup';
    container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(items()[0]!.dataset.color).toBe('purple'), SOON);
    expect(items()[0]!.textContent).toContain('edited in the popup');
    const reply = await request('highlight/list', { paperIds: ['2609.31620'] });
    expect(reply.ok && reply.value[0]).toMatchObject({ id: highlight.id, color: 'purple', note: 'edited in the popup' });
  });

  it('deletes only after a second, explicit confirmation', async () => {
    await create('2609.31620', 'This choice involves a trade-off.');
    render(<PaperHighlights paperId="2609.31620" pageStatus={null} />, container);
    await vi.waitFor(() => expect(items()).toHaveLength(1), SOON);
    button(items()[0]!, 'delete-highlight').click();
    await vi.waitFor(() => expect(button(items()[0]!, 'cancel-delete')).not.toBeNull(), SOON);
    button(items()[0]!, 'cancel-delete').click();
    await vi.waitFor(() => expect(button(items()[0]!, 'delete-highlight')).not.toBeNull(), SOON);
    const stillThere = await request('highlight/list', { paperIds: ['2609.31620'] });
    expect(stillThere.ok && stillThere.value).toHaveLength(1);

    button(items()[0]!, 'delete-highlight').click();
    await vi.waitFor(() => expect(button(items()[0]!, 'confirm-delete')).not.toBeNull(), SOON);
    button(items()[0]!, 'confirm-delete').click();
    await vi.waitFor(() => expect(items()).toHaveLength(0), SOON);
    const gone = await request('highlight/list', { paperIds: ['2609.31620'] });
    expect(gone.ok && gone.value).toEqual([]);
  });

  it('follows highlights made, edited and deleted elsewhere (broadcasts)', async () => {
    render(<PaperHighlights paperId="2609.31620" pageStatus={null} />, container);
    await vi.waitFor(() => expect(container.querySelector('[data-paperlight-paper-highlights]')).not.toBeNull(), SOON);
    const highlight = await create('2609.31620', 'This choice involves a trade-off.');
    await vi.waitFor(() => expect(items()).toHaveLength(1), SOON);
    await request('highlight/update', { id: highlight.id, color: 'blue' });
    await vi.waitFor(() => expect(items()[0]!.dataset.color).toBe('blue'), SOON);
    await request('highlight/delete', { id: highlight.id });
    await vi.waitFor(() => expect(items()).toHaveLength(0), SOON);
  });
});

describe('highlights of papers not in the library', () => {
  it('lists, by paper, the highlights of papers removed from the library (saved ones show in their details)', async () => {
    await create('2609.31620', 'This choice involves a trade-off.');
    await create('2609.30222', 'This choice involves a trade-off.');
    await create('2609.30222', 'Representation autoencoders (RAEs)');
    await create('2609.31590', 'Representation autoencoders (RAEs)');
    await request('paper/remove', { id: '2609.31620' });
    await request('paper/remove', { id: '2609.30222' });
    render(<UnsavedPaperHighlights />, container);
    await vi.waitFor(() => expect(container.querySelector('summary')?.textContent).toBe('Highlights of papers not in your library (3)'), SOON);
    const papers = [...container.querySelectorAll<HTMLElement>('.highlights-paper')];
    expect(papers.map((paper) => paper.dataset.paperlightId).sort()).toEqual(['2609.30222', '2609.31620']);
    await vi.waitFor(() => expect(items()).toHaveLength(3), SOON);
    // Saving the paper again moves its highlights back to its details.
    await request('paper/save', { paper: paperToSave('2609.30222') });
    await vi.waitFor(() => expect(container.querySelector('summary')?.textContent).toBe('Highlights of papers not in your library (1)'), SOON);
  });

  it('shows nothing when every highlighted paper is in the library', async () => {
    await create('2609.31620', 'This choice involves a trade-off.');
    render(<UnsavedPaperHighlights />, container);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(container.innerHTML).toBe('');
    // It was listening all along: removing the paper brings its highlight here.
    await request('paper/remove', { id: '2609.31620' });
    await vi.waitFor(() => expect(container.querySelector('summary')?.textContent).toBe('Highlights of papers not in your library (1)'), SOON);
  });
});

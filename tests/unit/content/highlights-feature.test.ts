// @vitest-environment happy-dom
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBackground } from '../../../lib/background';
import { highlightsFeature, type HighlightsFeature } from '../../../lib/content/features/highlights';
import { FIELD_TEXT } from '../../../lib/content/features/highlights/fields';
import { startPaperlight, type Paperlight } from '../../../lib/content/paperlight';
import type { StoredHighlight } from '../../../lib/db/schema';
import { describeSpan } from '../../../lib/highlights/anchor';
import { domRangeOf, readTextMap } from '../../../lib/highlights/text-map';
import { request } from '../../../lib/messaging/client';
import { showFixture } from '../sites/fixtures';
import { typesetLikeMathJax2, typesetLikeMathJax3 } from '../highlights/mathjax';
import { fakeExtract } from './fakes';

// The highlights feature in the content script, on saved arXiv pages, talking to the real background worker
// (startBackground on the fake browser) through the real messaging client: requests, storage and broadcasts
// are the real ones; only the browser is fake.

const NEW = { fixture: 'arxiv/arxiv_list_cs.LG_new_60.rendered.html', url: 'https://arxiv.org/list/cs.LG/new' };
const ABS = { fixture: 'arxiv/arxiv_abs_2609.31620.rendered.html', url: 'https://arxiv.org/abs/2609.31620' };
const SPARSITY = { fixture: 'arxiv/arxiv_abs_0704.0002v2.rendered.html', url: 'https://arxiv.org/abs/0704.0002v2' };
const FUSEREG = '2609.31620';
const QUOTE = 'This choice involves a trade-off.';

// Each test opens a saved page in happy-dom and runs the content script and the worker on it: seconds, not
// milliseconds, on a busy machine. Most tests use the one-entry abstract page; the 60-entry listing where
// the listing itself matters.
vi.setConfig({ testTimeout: 30_000 });
const SOON = { timeout: 5_000 };

let controller: AbortController;
let paperlight: Paperlight;
let feature: HighlightsFeature;

beforeEach(() => {
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection.'));
  startBackground();
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
});

async function open(page: { fixture: string; url: string }, { tabMessages = false } = {}): Promise<void> {
  controller.abort();
  controller = new AbortController();
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(page.url);
  document.getSelection()?.removeAllRanges();
  showFixture(page.fixture);
  paperlight = startPaperlight({
    signal: controller.signal,
    extract: fakeExtract,
    features: (context) => [(feature = highlightsFeature(context, { batchDelayMs: 0, selectionDelayMs: 0, tabMessages }))],
  });
  await settle();
}

/** Let the queue, the highlight list request, painting and the re-render it causes finish. */
async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    await paperlight.whenIdle();
  }
  await new Promise((resolve) => setTimeout(resolve, 60)); // the sweep after removals runs 50 ms late
  await paperlight.whenIdle();
}

const entryOf = (id: string) => paperlight.annotator.entries().find((entry) => entry.paper.id === id)!;
const abstractOf = (id: string) => entryOf(id).detected.abstractElement!;
const marks = (id?: string) => [...document.querySelectorAll<HTMLElement>(id ? `[data-paperlight-highlight="${id}"]` : '[data-paperlight-highlight]')];
/** The text a highlight is painted on, its marks joined (nested marks of other highlights included once). */
const paintedText = (id: string) => marks(id).map((mark) => mark.textContent).join('');
const toolbarButtons = () => [...(feature.interactions.toolbar.host.shadowRoot?.querySelectorAll<HTMLButtonElement>('[data-paperlight-action="highlight"]') ?? [])];

function select(element: Element, quote: string): void {
  const map = readTextMap(element, FIELD_TEXT);
  const start = map.text.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  const range = domRangeOf(map, start, start + quote.length)!;
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

/** Store a highlight the way another tab would (through the worker), for the text of `element`'s field. */
async function highlightElsewhere(element: Element, quote: string, overrides: Partial<StoredHighlight> = {}, paperId = FUSEREG): Promise<StoredHighlight> {
  const text = readTextMap(element, FIELD_TEXT).text;
  const start = text.indexOf(quote);
  const { quote: quoteSelector, position } = start >= 0 ? describeSpan(text, start, start + quote.length) : describeSpan(quote, 0, quote.length);
  const reply = await request('highlight/create', {
    highlight: { id: crypto.randomUUID(), paperId, field: 'abstract', color: 'blue', note: '', quote: quoteSelector, position, ...overrides },
    paper: { id: paperId, site: 'arxiv', url: `https://arxiv.org/abs/${paperId}`, title: 'FuseReg', authors: [], abstract: text, topics: [], benchmarks: [] },
  });
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

async function stored(paperId = FUSEREG): Promise<StoredHighlight[]> {
  const reply = await request('highlight/list', { paperIds: [paperId] });
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

describe('making a highlight', () => {
  it('a selection in an abstract brings up the toolbar; a colour highlights it, saves the paper, and paints it', async () => {
    await open(NEW);
    select(abstractOf(FUSEREG), QUOTE);
    feature.interactions.checkSelection();
    expect(feature.interactions.toolbar.visible).toBe(true);
    expect(toolbarButtons().map((button) => button.dataset.color)).toEqual(['yellow', 'green', 'blue', 'pink', 'purple']);
    expect(feature.interactions.toolbar.host.shadowRoot!.querySelector('[role="toolbar"]')).not.toBeNull();

    toolbarButtons().find((button) => button.dataset.color === 'green')!.click();
    await vi.waitFor(async () => expect(await stored()).toHaveLength(1), SOON);
    await settle();
    const [highlight] = await stored();
    expect(highlight).toMatchObject({ paperId: FUSEREG, field: 'abstract', color: 'green', quote: { exact: QUOTE } });
    expect(paintedText(highlight!.id)).toBe(QUOTE);
    expect(marks(highlight!.id).every((mark) => mark.getAttribute('data-color') === 'green')).toBe(true);
    expect(abstractOf(FUSEREG).contains(marks()[0]!)).toBe(true);
    // The paper was saved with it, and the page's save toggle says so.
    expect((await request('paper/status', { ids: [FUSEREG] })).ok && (await request('paper/status', { ids: [FUSEREG] }))).toMatchObject({ value: [FUSEREG] });
    expect(feature.interactions.toolbar.visible).toBe(false);
    expect(document.getSelection()!.isCollapsed).toBe(true);
    // The adapter still reads the same abstract: wrapping changed no text.
    expect(entryOf(FUSEREG).paper.abstract).toContain(QUOTE);
  });

  it('takes the note typed in the toolbar', async () => {
    await open(ABS);
    select(abstractOf(FUSEREG), QUOTE);
    feature.interactions.checkSelection();
    const note = feature.interactions.toolbar.host.shadowRoot!.querySelector<HTMLInputElement>('[data-paperlight-field="note"]')!;
    note.value = 'why RAEs need a choice';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    note.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await vi.waitFor(async () => expect(await stored()).toMatchObject([{ color: 'yellow', note: 'why RAEs need a choice' }]), SOON);
  });

  it('the keyboard command highlights the selection in the default colour', async () => {
    await open(ABS);
    select(entryOf(FUSEREG).detected.titleElement!, 'Regularizing Layer Fusion');
    expect(await feature.interactions.highlightSelection()).toBe(true);
    expect(await stored()).toMatchObject([{ field: 'title', color: 'yellow', quote: { exact: 'Regularizing Layer Fusion' }, position: { start: 9 } }]);
    document.getSelection()!.removeAllRanges();
    expect(await feature.interactions.highlightSelection()).toBe(false);
  });

  it('the command pressed while typing a note in the toolbar highlights with that note', async () => {
    await open(ABS);
    select(abstractOf(FUSEREG), QUOTE);
    feature.interactions.checkSelection();
    const note = feature.interactions.toolbar.host.shadowRoot!.querySelector<HTMLInputElement>('[data-paperlight-field="note"]')!;
    note.focus();
    note.value = 'typed, not yet submitted';
    document.getSelection()!.removeAllRanges(); // the focus in the field took the selection away from the page
    expect(await feature.interactions.highlightSelection()).toBe(true);
    expect(await stored()).toMatchObject([{ color: 'yellow', note: 'typed, not yet submitted', quote: { exact: QUOTE } }]);
  });

  it('offers nothing for a selection outside titles and abstracts', async () => {
    await open(ABS);
    select(document.querySelector('div.authors')!, 'Hongyang Du');
    feature.interactions.checkSelection();
    expect(feature.interactions.toolbar.visible).toBe(false);
  });

  it('Tab moves into the toolbar, Escape closes it', async () => {
    await open(ABS);
    select(abstractOf(FUSEREG), QUOTE);
    feature.interactions.checkSelection();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }));
    expect(document.activeElement).toBe(feature.interactions.toolbar.host);
    expect(feature.interactions.toolbar.host.shadowRoot!.activeElement?.getAttribute('data-color')).toBe('yellow');
    // Escape inside the toolbar (the component's own handler).
    feature.interactions.toolbar.host.shadowRoot!.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(feature.interactions.toolbar.visible).toBe(false);
    // Escape from the page.
    select(abstractOf(FUSEREG), QUOTE);
    feature.interactions.checkSelection();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(feature.interactions.toolbar.visible).toBe(false);
  });

  it('shows a failed save in the toolbar and keeps the selection', async () => {
    await open(ABS);
    select(abstractOf(FUSEREG), QUOTE);
    feature.interactions.checkSelection();
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('simulated full disk', 'QuotaExceededError');
    };
    try {
      toolbarButtons()[0]!.click();
      await vi.waitFor(() => expect(feature.interactions.toolbar.host.shadowRoot!.querySelector('[role="alert"]')?.textContent).toMatch(/no room/), SOON);
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect(feature.interactions.toolbar.visible).toBe(true);
    expect(document.getSelection()!.isCollapsed).toBe(false);
    expect(marks()).toHaveLength(0);
  });
});

describe('restoring', () => {
  it('after a reload, exactly once', async () => {
    await open(NEW);
    const highlight = await highlightElsewhere(abstractOf(FUSEREG), QUOTE);
    await open(NEW);
    expect(paintedText(highlight.id)).toBe(QUOTE);
    expect(marks()).toHaveLength(1);
  });

  it('on the abstract page of the same paper (another site layout, "Abstract:" label)', async () => {
    await open(NEW);
    const highlight = await highlightElsewhere(abstractOf(FUSEREG), QUOTE);
    await open(ABS);
    expect(paintedText(highlight.id)).toBe(QUOTE);
    expect(feature.pageStatus([FUSEREG])).toEqual({ papers: { [FUSEREG]: { shown: [highlight.id], notFound: [], fieldNotShown: [] } } });
  });

  it('after client-side re-renders, without duplicates', async () => {
    await open(NEW);
    const highlight = await highlightElsewhere(abstractOf(FUSEREG), QUOTE);
    await settle();
    const abstract = abstractOf(FUSEREG);
    // 1. The page re-renders the abstract from its HTML (our marks copied along as plain markup).
    abstract.innerHTML = abstract.innerHTML; // eslint-disable-line no-self-assign
    await settle();
    expect(marks(highlight.id)).toHaveLength(1);
    expect(paintedText(highlight.id)).toBe(QUOTE);
    // 2. The page replaces the text (our marks dropped).
    abstract.textContent = `  ${entryOf(FUSEREG).paper.abstract}  `;
    await settle();
    expect(marks(highlight.id)).toHaveLength(1);
    expect(paintedText(highlight.id)).toBe(QUOTE);
    // 3. The page replaces the whole entry with a fresh copy.
    const dd = abstractOf(FUSEREG).closest('dd')!;
    const copy = dd.cloneNode(true) as Element;
    copy.querySelectorAll('[data-paperlight-host]').forEach((host) => host.remove());
    dd.replaceWith(copy);
    await settle();
    expect(marks(highlight.id)).toHaveLength(1);
    expect(paintedText(highlight.id)).toBe(QUOTE);
    expect(copy.contains(marks(highlight.id)[0]!)).toBe(true);
  });

  it('after MathJax typesets the abstract: TeX is left to the typesetter, then the formula is highlighted whole', async () => {
    await open(SPARSITY);
    const abstract = abstractOf('0704.0002');
    const highlight = await highlightElsewhere(abstract, 'the $(k,\\ell)$-pebble game with colors', {}, '0704.0002');
    await settle();
    // Before typesetting: arXiv's MathJax skips TeX inside elements without its class, so the TeX stays out.
    expect(paintedText(highlight.id)).toBe('the -pebble game with colors');
    expect(abstract.textContent).toContain('the $(k,\\ell)$-pebble game');

    typesetLikeMathJax2(abstract);
    await settle();
    expect(marks(highlight.id).map((mark) => mark.firstElementChild?.className ?? mark.textContent)).toEqual(['the ', 'MathJax', '-pebble game with colors']);
    expect(abstract.querySelector('.MathJax_Preview')!.closest('[data-paperlight-highlight]')).toBeNull();

    await open(SPARSITY);
    typesetLikeMathJax3(abstractOf('0704.0002'));
    await settle();
    const painted = marks(highlight.id);
    expect(painted.some((mark) => mark.firstElementChild?.localName === 'mjx-container')).toBe(true);
    expect(painted.map((mark) => mark.textContent).join('')).toBe('the (k,ℓ)-pebble game with colors');
  });

  it('keeps a highlight it cannot place: listed as not found, still stored, never deleted', async () => {
    await open(ABS);
    const placed = await highlightElsewhere(abstractOf(FUSEREG), QUOTE);
    const orphan = await highlightElsewhere(abstractOf(FUSEREG), 'A sentence the authors removed from the abstract in version two.');
    const deletes = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    await open(ABS);
    expect(paintedText(placed.id)).toBe(QUOTE);
    expect(marks(orphan.id)).toHaveLength(0);
    expect(feature.pageStatus([FUSEREG]).papers[FUSEREG]).toEqual({ shown: [placed.id], notFound: [orphan.id], fieldNotShown: [] });
    expect(deletes.mock.calls.some(([message]) => (message as { type?: string }).type === 'highlight/delete')).toBe(false);
    expect((await stored()).map((highlight) => highlight.id)).toEqual([placed.id, orphan.id]);
  });
});

describe('where the page shows only part of the paper', () => {
  it('a Hugging Face listing shows titles only: title highlights paint, abstract ones are "not shown here", not lost', async () => {
    await open(ABS);
    const inAbstract = await highlightElsewhere(abstractOf(FUSEREG), QUOTE);
    const inTitle = await highlightElsewhere(entryOf(FUSEREG).detected.titleElement!, 'Regularizing Layer Fusion', { field: 'title' });
    await open({ fixture: 'huggingface/hf_papers_daily_2026-09-28.trimmed.html', url: 'https://huggingface.co/papers' });
    expect(paintedText(inTitle.id)).toBe('Regularizing Layer Fusion');
    expect(marks(inTitle.id)[0]!.closest('h3')).not.toBeNull();
    expect(entryOf(FUSEREG).paper.title).toContain('FuseReg: Regularizing Layer Fusion'); // the card reads the same
    expect(feature.pageStatus([])).toEqual({
      papers: {
        [FUSEREG]: { shown: [inTitle.id], notFound: [], fieldNotShown: [inAbstract.id] },
        '2609.30222': { shown: [], notFound: [], fieldNotShown: [] },
        '2609.31590': { shown: [], notFound: [], fieldNotShown: [] },
      },
    });
  });
});

describe('messages to the tab', () => {
  it('answers the popup’s question and runs the keyboard command forwarded by the background', async () => {
    await open(ABS, { tabMessages: true });
    const placed = await highlightElsewhere(abstractOf(FUSEREG), QUOTE);
    await settle();
    const answers = await fakeBrowser.runtime.onMessage.trigger({ type: 'highlight/page-status', paperIds: [FUSEREG, '2609.99999'] }, {}, () => {});
    expect(answers).toContainEqual({ papers: { [FUSEREG]: { shown: [placed.id], notFound: [], fieldNotShown: [] } } });

    select(abstractOf(FUSEREG), 'Shallower layers tend to preserve fine pixel details better');
    await fakeBrowser.runtime.onMessage.trigger({ type: 'highlight/command' }, {}, () => {});
    await vi.waitFor(async () => expect((await stored()).map((highlight) => highlight.quote.exact)).toContain('Shallower layers tend to preserve fine pixel details better'), SOON);
  });
});

describe('many highlights in one abstract', () => {
  it('overlapping and nested ones all paint, each on its own text, and clearing gives the page back as it was', async () => {
    await open(ABS);
    const abstract = abstractOf(FUSEREG);
    const before = abstract.innerHTML;
    const textNodes = () => [...abstract.childNodes].filter((node) => node.nodeType === 3).length;
    const textNodesBefore = textNodes();
    const quotes = [
      'Representation autoencoders (RAEs) reuse features',
      'reuse features from a pretrained visual encoder', // overlaps the first
      'pretrained', // inside the second
      QUOTE,
      'trade-off. Shallower layers', // overlaps the previous one
      'narrows the reconstruction-generation gap',
    ];
    const highlights: StoredHighlight[] = [];
    for (const quote of quotes) highlights.push(await highlightElsewhere(abstract, quote));
    await settle();
    for (const [i, highlight] of highlights.entries()) expect(paintedText(highlight.id), quotes[i]).toBe(quotes[i]);
    // The abstract still reads the same.
    expect(readTextMap(abstract, FIELD_TEXT).text).toBe(entryOf(FUSEREG).paper.abstract);

    paperlight.annotator.clear();
    expect(marks()).toHaveLength(0);
    expect(abstract.innerHTML).toBe(before);
    expect(textNodes()).toBe(textNodesBefore); // split text joined back
  });
});

describe('editing and deleting', () => {
  it('a click on a highlight opens it; a colour recolours it; Delete removes it from page and store', async () => {
    await open(ABS);
    const highlight = await highlightElsewhere(abstractOf(FUSEREG), QUOTE);
    await settle();
    marks(highlight.id)[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(feature.interactions.toolbar.mode).toBe('edit');
    expect(toolbarButtons().find((button) => button.getAttribute('aria-pressed') === 'true')?.dataset.color).toBe('blue');

    toolbarButtons().find((button) => button.dataset.color === 'pink')!.click();
    await vi.waitFor(async () => expect((await stored())[0]?.color).toBe('pink'), SOON);
    await settle();
    expect(marks(highlight.id)[0]!.getAttribute('data-color')).toBe('pink');

    feature.interactions.toolbar.host.shadowRoot!.querySelector<HTMLButtonElement>('[data-paperlight-action="delete-highlight"]')!.click();
    await vi.waitFor(async () => expect(await stored()).toEqual([]), SOON);
    await settle();
    expect(marks()).toHaveLength(0);
    expect(feature.interactions.toolbar.visible).toBe(false);
  });

  it('follows changes made in another tab (broadcasts): new, recoloured, deleted', async () => {
    await open(ABS);
    await stored(); // the page has loaded this paper's (empty) list
    const highlight = await highlightElsewhere(abstractOf(FUSEREG), QUOTE);
    await vi.waitFor(() => expect(paintedText(highlight.id)).toBe(QUOTE), SOON);
    await request('highlight/update', { id: highlight.id, color: 'purple' });
    await vi.waitFor(() => expect(marks(highlight.id)[0]?.getAttribute('data-color')).toBe('purple'), SOON);
    await request('highlight/delete', { id: highlight.id });
    await vi.waitFor(() => expect(marks()).toHaveLength(0), SOON);
  });
});

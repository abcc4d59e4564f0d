import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectErrors, saveToggle, waitForAnnotations } from './support/page-helpers';
import { ARXIV_NEW_ENTRIES } from './support/routes';
import { useExtensionSession } from './support/session';
import { MATHJAX_END_MARK } from './support/site-assets';

// Issue 5, end to end: the built extension in Debian's Chromium on arXiv pages rendered from arXiv's templates
// (real match patterns through --host-resolver-rules; arXiv's MathJax 2.7 really typesets them, see
// tests/e2e/support/site-assets.ts). Select text in a /new abstract, highlight it with the toolbar, reload,
// open the paper's abstract page, delete it; and two tabs showing the same paper stay in step.

const NEW = 'https://arxiv.org/list/cs.LG/new';
const ABS = 'https://arxiv.org/abs/2609.31620';
const SPARSITY_ABS = 'https://arxiv.org/abs/0704.0002v2';
const PAPER = '2609.31620'; // FuseReg: first entry of /new, and the abstract page's paper
const QUOTE = 'This choice involves a trade-off.';

const NEW_ABSTRACT = `#dlpage dd[data-paperlight-id="${PAPER}"] p.mathjax`;
/** Painting follows the worker's answers and the page's own typesetting: give it a few seconds. */
const SOON = { timeout: 10_000 };
const ABS_ABSTRACT = 'blockquote.abstract';

describe('highlights in Chromium', () => {
  const session = useExtensionSession();

  async function open(url: string, entries: number): Promise<{ page: Page; errors: string[] }> {
    const page = await session.browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(url);
    await waitForAnnotations(page, entries);
    await waitForMathJax(page);
    return { page, errors };
  }

  /** arXiv's MathJax rewrites titles and abstracts after load; tests act on the page it leaves. */
  async function waitForMathJax(page: Page): Promise<void> {
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, MATHJAX_END_MARK, { timeout: 20_000 });
  }

  /** Select `from`…`to` (inclusive) of the text inside `selector`, as a reader dragging over it would. */
  async function select(page: Page, selector: string, from: string, to = from): Promise<string> {
    return page.evaluate(
      ({ selector, from, to }) => {
        const root = document.querySelector(selector)!;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const texts: Text[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
        const first = texts.findIndex((text) => text.data.includes(from));
        const start = texts[first]!;
        const startOffset = start.data.indexOf(from);
        // The first `to` after the start (in the start's own text node only past `from`).
        const last = texts.findIndex((text, i) => i > first ? text.data.includes(to) : i === first && text.data.indexOf(to, startOffset) >= 0);
        const end = texts[last]!;
        const range = document.createRange();
        range.setStart(start, startOffset);
        range.setEnd(end, end.data.indexOf(to, end === start ? startOffset : 0) + to.length);
        const selection = getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true })); // the end of the drag
        return selection.toString();
      },
      { selector, from, to },
    );
  }

  /** Each painted highlight in `selector`: its id, colour and the text its marks cover. */
  async function painted(page: Page, selector: string): Promise<{ id: string; color: string; text: string }[]> {
    return page.evaluate((selector) => {
      const byId = new Map<string, { id: string; color: string; text: string }>();
      for (const root of document.querySelectorAll(selector)) {
        for (const mark of root.querySelectorAll<HTMLElement>('[data-paperlight-highlight]')) {
          const id = mark.dataset.paperlightHighlight!;
          const entry = byId.get(id) ?? { id, color: mark.dataset.color ?? '', text: '' };
          entry.text += mark.textContent;
          byId.set(id, entry);
        }
      }
      return [...byId.values()];
    }, selector);
  }

  const colourButton = (page: Page, color: string) => page.locator(`paperlight-highlight-toolbar [data-paperlight-action="highlight"][data-color="${color}"]`);

  /** The quotes the popup lists under a saved paper (its details, opened by the row's toggle). */
  async function expectPopupQuotes(paperId: string, expected: string[]): Promise<void> {
    const popup = await session.browser.openPopup();
    await popup.locator(`[data-paperlight-saved-item][data-paperlight-id="${paperId}"] [data-paperlight-action="details"]`).click();
    await popup.waitForSelector('[data-paperlight-paper-highlights]', SOON);
    const quotes = () => popup.$$eval('[data-paperlight-highlight-item] blockquote', (items) => items.map((item) => item.textContent ?? ''));
    await expect.poll(quotes, SOON).toEqual(expected);
    await popup.close();
  }

  it('highlights a selection in a /new abstract, keeps it across a reload and on the abstract page, and deletes it everywhere', async () => {
    const list = await open(NEW, ARXIV_NEW_ENTRIES);
    expect(await select(list.page, NEW_ABSTRACT, QUOTE)).toBe(QUOTE);
    await colourButton(list.page, 'green').click();
    await expect.poll(() => painted(list.page, NEW_ABSTRACT), SOON).toEqual([expect.objectContaining({ color: 'green', text: QUOTE })]);
    // The highlight saved the paper too.
    await expect.poll(() => saveToggle(list.page, PAPER).getAttribute('aria-pressed'), SOON).toBe('true');
    expect(await list.page.locator('paperlight-highlight-toolbar').count()).toBe(0);
    const { id } = (await painted(list.page, NEW_ABSTRACT))[0]!;

    await list.page.reload();
    await waitForAnnotations(list.page, ARXIV_NEW_ENTRIES);
    await waitForMathJax(list.page);
    await expect.poll(() => painted(list.page, NEW_ABSTRACT), SOON).toEqual([{ id, color: 'green', text: QUOTE }]);
    expect(await list.page.locator('[data-paperlight-highlight]').count()).toBe(1);

    const abs = await open(ABS, 1);
    await expect.poll(() => painted(abs.page, ABS_ABSTRACT), SOON).toEqual([{ id, color: 'green', text: QUOTE }]);
    await expectPopupQuotes(PAPER, [QUOTE]);

    // Delete it on the abstract page: a click on the highlight opens it, Delete removes it.
    await abs.page.locator(`${ABS_ABSTRACT} [data-paperlight-highlight="${id}"]`).first().click();
    await abs.page.locator('paperlight-highlight-toolbar [data-paperlight-action="delete-highlight"]').click();
    await expect.poll(() => painted(abs.page, ABS_ABSTRACT), SOON).toEqual([]);
    await expect.poll(() => painted(list.page, NEW_ABSTRACT), SOON).toEqual([]); // the other tab follows
    await list.page.reload();
    await waitForAnnotations(list.page, ARXIV_NEW_ENTRIES);
    await list.page.waitForTimeout(500);
    expect(await painted(list.page, NEW_ABSTRACT)).toEqual([]);
    await expectPopupQuotes(PAPER, []);
    expect([...list.errors, ...abs.errors]).toEqual([]);
    await list.page.close();
    await abs.page.close();
  });

  it('shows a highlight made in one tab in another open tab showing the paper', async () => {
    const list = await open(NEW, ARXIV_NEW_ENTRIES);
    const abs = await open(ABS, 1);
    await abs.page.bringToFront();
    expect(await select(abs.page, ABS_ABSTRACT, 'Shallower layers tend to preserve')).toBe('Shallower layers tend to preserve');
    await colourButton(abs.page, 'blue').click();
    await expect.poll(() => painted(abs.page, ABS_ABSTRACT), SOON).toEqual([expect.objectContaining({ color: 'blue', text: 'Shallower layers tend to preserve' })]);
    await expect.poll(() => painted(list.page, NEW_ABSTRACT), SOON).toEqual([expect.objectContaining({ color: 'blue', text: 'Shallower layers tend to preserve' })]);

    // Clean up through the other tab: the toolbar there deletes it for both.
    await list.page.bringToFront();
    await list.page.locator(`${NEW_ABSTRACT} [data-paperlight-highlight]`).first().click();
    await list.page.locator('paperlight-highlight-toolbar [data-paperlight-action="delete-highlight"]').click();
    await expect.poll(() => painted(abs.page, ABS_ABSTRACT), SOON).toEqual([]);
    expect([...list.errors, ...abs.errors]).toEqual([]);
    await list.page.close();
    await abs.page.close();
  });

  it('highlights across a formula MathJax typeset, and restores it after the page typesets again', async () => {
    const { page, errors } = await open(SPARSITY_ABS, 1);
    // Real MathJax output: the formula is a rendered frame with its TeX in a script.
    expect(await page.locator(`${ABS_ABSTRACT} script[type="math/tex"]`).count()).toBeGreaterThan(0);
    const selected = await select(page, ABS_ABSTRACT, 'the ', '-pebble game with colors');
    expect(selected).toContain('pebble game with colors');
    await colourButton(page, 'yellow').click();
    const expected = expect.objectContaining({ color: 'yellow' });
    await expect.poll(() => painted(page, ABS_ABSTRACT), SOON).toEqual([expected]);
    // The formula is inside the highlight, whole.
    expect(await page.locator(`${ABS_ABSTRACT} [data-paperlight-highlight] .MathJax`).count()).toBe(1);

    await page.reload();
    await waitForAnnotations(page, 1);
    await waitForMathJax(page);
    await expect.poll(() => page.locator(`${ABS_ABSTRACT} [data-paperlight-highlight] .MathJax`).count(), SOON).toBe(1);
    const [restored] = await painted(page, ABS_ABSTRACT);
    expect(restored!.text).toContain('-pebble game with colors');
    expect(restored!.text.startsWith('the ')).toBe(true);

    // The same paper on the /new listing (also typeset there): the highlight is found by its quote.
    const list = await open(NEW, ARXIV_NEW_ENTRIES);
    const listAbstract = '#dlpage dd[data-paperlight-id="0704.0002"] p.mathjax';
    await expect.poll(() => painted(list.page, listAbstract), SOON).toEqual([expect.objectContaining({ id: restored!.id })]);

    await page.locator(`${ABS_ABSTRACT} [data-paperlight-highlight]`).first().click();
    await page.locator('paperlight-highlight-toolbar [data-paperlight-action="delete-highlight"]').click();
    await expect.poll(() => painted(list.page, listAbstract), SOON).toEqual([]);
    expect([...errors, ...list.errors]).toEqual([]);
    await page.close();
    await list.page.close();
  });

  it('reaches the toolbar with Tab and closes it with Escape', async () => {
    const { page } = await open(ABS, 1);
    await select(page, ABS_ABSTRACT, 'Representation autoencoders');
    await colourButton(page, 'yellow').waitFor();
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('data-color')))
      .toBe('yellow');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('data-color'))).toBe('green');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('paperlight-highlight-toolbar').count(), SOON).toBe(0);
    expect(await painted(page, ABS_ABSTRACT)).toEqual([]);
    await page.close();
  });
});

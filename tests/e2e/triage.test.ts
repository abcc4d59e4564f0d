import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { annotatedIds, collectErrors, saveToggle, waitForAnnotations } from './support/page-helpers';
import { ARXIV_NEW_ENTRIES, HF_DAILY_CARDS } from './support/routes';
import { useExtensionSession } from './support/session';

// Issue 6, end to end: watch rules set on the options page mark the matching entries of real listings and
// count them on the toolbar icon; keyboard triage saves the entry it reached.

const DAILY = 'https://huggingface.co/papers';
const ARXIV_NEW = 'https://arxiv.org/list/cs.LG/new';
/** Words starting with "diffusion", as the keyword rule matches them (title or abstract). */
const DIFFUSION = /(?:^|[^\p{L}\p{N}])diffusion/iu;

describe('watch rules and keyboard triage in Chromium', () => {
  const session = useExtensionSession();

  async function openOptions(): Promise<Page> {
    const page = await session.browser.context.newPage();
    await page.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
    await page.waitForSelector('[data-paperlight-watch-form]');
    return page;
  }

  async function open(url: string, entries: number): Promise<{ page: Page; errors: string[] }> {
    const page = await session.browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(url);
    await waitForAnnotations(page, entries);
    await page.bringToFront();
    return { page, errors };
  }

  /** The toolbar badge text of the tab in front, read from the worker. */
  async function badgeText(): Promise<string> {
    const worker = await session.browser.worker();
    return worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: {
          tabs: { query(query: object): Promise<{ id?: number }[]> };
          action: { getBadgeText(details: { tabId: number }): Promise<string> };
        };
      };
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id === undefined ? 'no tab' : chrome.action.getBadgeText({ tabId: tab.id });
    });
  }

  async function watchedIds(page: Page): Promise<string[]> {
    return page.$$eval('[data-paperlight-watch="match"]', (roots) => roots.map((root) => root.getAttribute('data-paperlight-id') ?? ''));
  }

  it('refuses a bad regular expression with a clear message and adds a keyword rule', async () => {
    const options = await openOptions();
    await options.selectOption('[data-paperlight-watch-kind]', 'regex');
    await options.fill('[data-paperlight-watch-value]', 'foo(?=bar)');
    await options.click('[data-paperlight-watch-add]');
    await expect.poll(() => options.textContent('[data-paperlight-watch-problem]')).toMatch(/Look-ahead and look-behind.* are not supported/);
    expect(await options.locator('[data-paperlight-watch-rule]').count()).toBe(0);

    await options.selectOption('[data-paperlight-watch-kind]', 'keyword');
    await options.fill('[data-paperlight-watch-value]', 'diffusion');
    await options.click('[data-paperlight-watch-add]');
    await expect.poll(() => options.locator('[data-paperlight-watch-rule]').count()).toBe(1);
    await options.close();
  });

  it('marks the matching Hugging Face cards, counts them on the toolbar icon, and dims the rest on request', async () => {
    const { page, errors } = await open(DAILY, HF_DAILY_CARDS);
    // What the rule should find, read from the page's own data (title and abstract of each card).
    const expected = await page.evaluate((source) => {
      const raw = document.querySelector('[data-target="DailyPapers"]')?.getAttribute('data-props') ?? '{"dailyPapers":[]}';
      const papers = (JSON.parse(raw) as { dailyPapers: { paper: { id: string; title: string; summary?: string } }[] }).dailyPapers;
      const pattern = new RegExp(source, 'iu');
      return papers.filter(({ paper }) => pattern.test(`${paper.title}\n${paper.summary ?? ''}`)).map(({ paper }) => paper.id);
    }, DIFFUSION.source);
    expect(expected.length).toBeGreaterThan(0);
    await expect.poll(() => watchedIds(page).then((ids) => ids.sort())).toEqual([...expected].sort());
    // The label says why, inside our own shadow root.
    const labels = await page.locator('paperlight-watch [data-paperlight-watch-mark]').allTextContents();
    expect(labels).toHaveLength(expected.length);
    for (const label of labels) expect(label).toContain('keyword “diffusion”');
    await expect.poll(badgeText).toBe(String(expected.length));

    // "Dim the rest", turned on in the options page, reaches the open page at once.
    const options = await openOptions();
    await options.check('[data-paperlight-watch-dim]');
    await options.close();
    await expect.poll(() => page.locator('[data-paperlight-watch="dimmed"]').count()).toBe(HF_DAILY_CARDS - expected.length);
    const opacity = await page.$eval('[data-paperlight-watch="dimmed"]', (root) => getComputedStyle(root).opacity);
    expect(Number(opacity)).toBeLessThan(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks the matching entries of an arXiv /new listing, with the right count on the toolbar icon', async () => {
    const { page, errors } = await open(ARXIV_NEW, ARXIV_NEW_ENTRIES);
    const expected = await page.evaluate((source) => {
      const pattern = new RegExp(source, 'iu');
      return [...document.querySelectorAll('dd[data-paperlight-id]')]
        .filter((dd) => pattern.test(`${dd.querySelector('.list-title')?.textContent ?? ''}\n${dd.querySelector('p.mathjax')?.textContent ?? ''}`))
        .map((dd) => dd.getAttribute('data-paperlight-id') ?? '');
    }, DIFFUSION.source);
    expect(expected.length).toBeGreaterThan(0);
    await expect.poll(() => watchedIds(page).then((ids) => ids.sort())).toEqual([...expected].sort());
    await expect.poll(badgeText).toBe(String(expected.length));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves the entry reached with j j s, leaves keys typed into a field alone, and lists the paper in the popup', async () => {
    const { page, errors } = await open(DAILY, HF_DAILY_CARDS);
    const ids = await annotatedIds(page);
    const second = ids[1]!;
    // Typing into a field of the page is typing, not triage.
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'typing-test';
      document.body.prepend(input);
    });
    await page.focus('#typing-test');
    await page.keyboard.type('jjs');
    expect(await page.inputValue('#typing-test')).toBe('jjs');
    expect(await page.locator('[data-paperlight-current]').count()).toBe(0);
    await page.evaluate(() => document.getElementById('typing-test')?.remove());

    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect.poll(() => page.getAttribute('[data-paperlight-current]', 'data-paperlight-id')).toBe(second);
    await page.keyboard.press('s');
    await expect.poll(() => saveToggle(page, second).getAttribute('aria-pressed')).toBe('true');
    // Screen readers hear what happened.
    await expect.poll(() => page.$eval('paperlight-announcer', (host) => host.shadowRoot?.textContent ?? '')).toMatch(/^Saved “/);
    // The current entry is in view (scrolled smoothly), with its ring.
    const view = () =>
      page.$eval('[data-paperlight-current]', (root) => {
        const rect = root.getBoundingClientRect();
        const style = getComputedStyle(root);
        return { inView: rect.bottom > 0 && rect.top < window.innerHeight, outline: `${style.outlineStyle} ${style.outlineWidth}` };
      });
    await expect.poll(view).toEqual({ inView: true, outline: 'solid 3px' });

    const popup = await session.browser.openPopup();
    await popup.waitForSelector('[data-paperlight-saved-item]', { timeout: 10_000 });
    const listed = await popup.$$eval('[data-paperlight-saved-item]', (items) => items.map((item) => (item as HTMLElement).dataset.paperlightId));
    expect(listed).toContain(second);
    await popup.close();

    // Read state and tags go through the library's requests; what is announced is the library's answer.
    const announcement = () => page.$eval('paperlight-announcer', (host) => host.shadowRoot?.textContent ?? '');
    await page.keyboard.press('r');
    await expect.poll(announcement).toMatch(/^Marked read: “/);
    await page.keyboard.press('t');
    await page.waitForSelector('paperlight-tag-prompt input');
    await page.keyboard.type('to-read');
    await page.keyboard.press('Enter');
    await expect.poll(announcement).toMatch(/^Tagged “.+” to-read\. Its tags: to-read\.$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('syncs the library through the browser’s sync storage once turned on, and says what is synced', async () => {
    const options = await openOptions();
    await options.check('[data-paperlight-sync-enabled]');
    await expect.poll(() => options.getAttribute('[data-paperlight-sync-status]', 'data-paperlight-sync-status'), { timeout: 20_000 }).toBe('idle');
    await expect.poll(() => options.textContent('[data-paperlight-sync-papers]')).toMatch(/^1 of 1 synced/);
    const worker = await session.browser.worker();
    const stored = await worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { storage: { sync: { get(keys: null): Promise<Record<string, unknown>> } } } };
      return JSON.stringify(await chrome.storage.sync.get(null));
    });
    expect(stored).toMatch(/"p2609\.\d{5}"/);
    expect(stored).toContain('to-read|');
    await options.close();
  });
});

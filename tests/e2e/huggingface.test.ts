import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { annotatedIds, collectErrors, saveToggle, waitForAnnotations } from './support/page-helpers';
import { HF_DAILY_CARDS } from './support/routes';
import { useExtensionSession } from './support/session';

// Issue 2, end to end: the built extension in Debian's Chromium on https://huggingface.co/papers served
// from the real captured page through --host-resolver-rules (the real match patterns apply).

const DAILY = 'https://huggingface.co/papers';
const FIRST = '2609.31620'; // FuseReg, first card of the capture
const SECOND = '2609.30222'; // TrackEverything

describe('Hugging Face Daily Papers in Chromium', () => {
  const session = useExtensionSession();

  async function openDaily(): Promise<{ page: Page; errors: string[] }> {
    const page = await session.browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(DAILY);
    await waitForAnnotations(page, HF_DAILY_CARDS);
    return { page, errors };
  }

  async function popupSavedIds(): Promise<string[]> {
    const popup = await session.browser.openPopup();
    // The list renders after the worker answers; the empty state or at least one item must appear.
    await popup.waitForSelector('[data-paperlight-saved-item], [data-paperlight-empty]', { timeout: 10_000 });
    const ids = await popup.$$eval('[data-paperlight-saved-item]', (items) =>
      items.map((item) => (item as HTMLElement).dataset.paperlightId ?? ''),
    );
    await popup.close();
    return ids;
  }

  it('gives every card its UI exactly once, with badges carrying the hooks', async () => {
    const { page, errors } = await openDaily();
    const ids = await annotatedIds(page);
    expect(ids).toHaveLength(HF_DAILY_CARDS);
    expect(new Set(ids).size).toBe(HF_DAILY_CARDS);
    // Every card (the entry root) carries the id too.
    expect(await page.locator('article[data-paperlight-id]').count()).toBe(HF_DAILY_CARDS);
    // Badges: real extraction results on real abstracts; each with kind and value.
    const badges = await page.locator('[data-paperlight-badge]').evaluateAll((nodes) =>
      nodes.map((n) => ({ kind: n.getAttribute('data-kind'), value: n.getAttribute('data-value') })),
    );
    expect(badges.length).toBeGreaterThan(HF_DAILY_CARDS); // at least a topic per card on average
    for (const badge of badges) {
      expect(['benchmark', 'topic']).toContain(badge.kind);
      expect(badge.value).toBeTruthy();
    }
    expect(badges.some((b) => b.kind === 'benchmark')).toBe(true);
    // Each toggle starts unsaved and has an accessible name.
    const toggle = saveToggle(page, FIRST);
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    expect((await toggle.getAttribute('aria-label')) ?? (await toggle.textContent())).toBeTruthy();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves with one click, keeps it across a reload, lists it in the popup, and unsaves', async () => {
    const { page, errors } = await openDaily();
    const toggle = saveToggle(page, FIRST);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');

    await page.reload();
    await waitForAnnotations(page, HF_DAILY_CARDS);
    await expect.poll(() => saveToggle(page, FIRST).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => saveToggle(page, SECOND).getAttribute('aria-pressed')).toBe('false');
    expect(await popupSavedIds()).toContain(FIRST);

    await saveToggle(page, FIRST).click();
    await expect.poll(() => saveToggle(page, FIRST).getAttribute('aria-pressed')).toBe('false');
    expect(await popupSavedIds()).not.toContain(FIRST);
    await page.reload();
    await waitForAnnotations(page, HF_DAILY_CARDS);
    await expect.poll(() => saveToggle(page, FIRST).getAttribute('aria-pressed')).toBe('false');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps two tabs in sync', async () => {
    const a = await openDaily();
    const b = await openDaily();
    await saveToggle(a.page, SECOND).click();
    await expect.poll(() => saveToggle(b.page, SECOND).getAttribute('aria-pressed')).toBe('true');
    await saveToggle(b.page, SECOND).click();
    await expect.poll(() => saveToggle(a.page, SECOND).getAttribute('aria-pressed')).toBe('false');
    expect([...a.errors, ...b.errors]).toEqual([]);
    await a.page.close();
    await b.page.close();
  });

  it('lands a save sent while the service worker is stopped', async () => {
    const { page } = await openDaily();
    await session.browser.stopServiceWorker();
    const toggle = saveToggle(page, FIRST);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed'), { timeout: 15_000 }).toBe('true');
    expect(await popupSavedIds()).toContain(FIRST);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    await page.close();
  });

  it('shows a failed save as failed, not as saved', async () => {
    const { page } = await openDaily();
    // Make the worker's IndexedDB writes fail, as a full disk would.
    const worker = await session.browser.worker();
    await worker.evaluate(() => {
      const original = IDBObjectStore.prototype.put;
      (globalThis as unknown as { __paperlightRestorePut: () => void }).__paperlightRestorePut = () => (IDBObjectStore.prototype.put = original);
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('simulated full disk', 'QuotaExceededError');
      };
    });
    const toggle = saveToggle(page, SECOND);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('data-state'), { timeout: 15_000 }).toBe('error');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await worker.evaluate(() => (globalThis as unknown as { __paperlightRestorePut: () => void }).__paperlightRestorePut());
    expect(await popupSavedIds()).not.toContain(SECOND);
    // Trying again once the disk has room works.
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    await page.close();
  });

  it('leaves a page whose markup it does not recognise untouched, with no errors', async () => {
    const html = '<!doctype html><html><head><title>Papers</title></head><body><main><h1>Daily Papers</h1>' +
      '<div class="grid"><section><h3><a href="/papers/2609.31620">A card in a layout we do not know</a></h3></section></div></main></body></html>';
    session.server.routes.set('huggingface.co/papers/date/2030-01-01', { body: html });
    const page = await session.browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto('https://huggingface.co/papers/date/2030-01-01');
    await page.waitForTimeout(1500); // give the content script time to (not) act
    const body = await page.evaluate(() => document.body.innerHTML);
    const original = await page.evaluate((source) => new DOMParser().parseFromString(source, 'text/html').body.innerHTML, html);
    expect(body).toBe(original);
    expect(await page.locator('[data-paperlight-id]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

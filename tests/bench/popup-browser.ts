/**
 * `npm run bench:popup`, part 2: the library popup in Debian's Chromium with 10,000 saved papers (the built
 * extension; `wxt build` first, the npm script does). The library is restored from a JSON backup through the
 * worker, like a user's Import. Then, a few rounds each (medians):
 *
 * - opening the popup after the service worker was stopped (cold: the worker starts, opens IndexedDB and
 *   builds its index) and while it runs (warm): time to the first rows, and to the chart;
 * - a field search typed into the box (`topic:agents is:unread`): from the keystroke to the new list
 *   (includes the 150 ms pause the box waits for typing to stop);
 * - scrolling: a jump to the middle of the list until its rows show, and a 2-second scroll through it,
 *   with the longest frame and the number of rows in the DOM (the list is virtualised);
 * - opening a paper's details, and exporting the whole library as a JSON backup (to the download).
 */
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../e2e/support/browser';
import { startFixtureServer } from '../e2e/support/fixture-server';
import { backupText, createBackup } from '../../lib/library/backup';
import { fakeLibrary } from './fake-library';

const COUNT = Number(process.env.BENCH_PAPERS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ROW_SELECTOR = '[data-paperlight-saved-item]';

/** chrome.runtime.sendMessage, in an extension page (evaluated there: no types from this side). */
declare function sendToWorker(message: unknown): Promise<{ ok: boolean; value: { imported: boolean } }>;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;

async function openLibrary(browser: ExtensionBrowser): Promise<{ page: Page; firstRowsMs: number; chartMs: number }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 440, height: 600 });
  const start = performance.now();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForSelector(ROW_SELECTOR, { timeout: 60_000 });
  const firstRowsMs = performance.now() - start;
  await page.waitForSelector('[data-paperlight-chart]', { timeout: 60_000 });
  return { page, firstRowsMs, chartMs: performance.now() - start };
}

/** Frame times while the list scrolls from top to bottom in `durationMs`. */
async function scrollSweep(page: Page, durationMs: number): Promise<{ longestFrameMs: number; p95FrameMs: number; maxRows: number }> {
  return page.evaluate(
    ({ durationMs, rowSelector }) =>
      new Promise((resolve) => {
        const viewport = document.querySelector<HTMLElement>('.list-viewport')!;
        const frames: number[] = [];
        let maxRows = 0;
        const start = performance.now();
        let last = start;
        const step = (now: number) => {
          frames.push(now - last);
          last = now;
          maxRows = Math.max(maxRows, document.querySelectorAll(rowSelector).length);
          const progress = Math.min(1, (now - start) / durationMs);
          viewport.scrollTop = progress * (viewport.scrollHeight - viewport.clientHeight);
          if (progress < 1) requestAnimationFrame(step);
          else {
            const sorted = frames.slice(1).sort((a, b) => a - b);
            resolve({ longestFrameMs: sorted.at(-1) ?? 0, p95FrameMs: sorted[Math.floor(sorted.length * 0.95)] ?? 0, maxRows });
          }
        };
        requestAnimationFrame(step);
      }),
    { durationMs, rowSelector: ROW_SELECTOR },
  );
}

async function main(): Promise<void> {
  const server = await startFixtureServer({});
  const browser = await launchWithExtension(server.port);
  // tsx names functions with a helper (__name) that pages evaluated into do not have.
  await browser.context.addInitScript('globalThis.__name = (f) => f;');
  const results: Record<string, number[]> = {};
  const record = (name: string, value: number) => (results[name] ??= []).push(value);
  try {
    const { papers, highlights } = fakeLibrary(COUNT);
    const text = backupText(createBackup({ papers, highlights, settings: {} }));
    const setup = await browser.context.newPage();
    await setup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await setup.evaluate('globalThis.sendToWorker = (message) => chrome.runtime.sendMessage(message);');
    const importStart = performance.now();
    const reply = await setup.evaluate((text) => sendToWorker({ type: 'library/import', text }), text);
    const importMs = performance.now() - importStart;
    if (!reply?.ok || !reply.value.imported) throw new Error(`the import failed: ${JSON.stringify(reply).slice(0, 300)}`);
    await setup.close();

    for (let round = 0; round < ROUNDS; round++) {
      await browser.stopServiceWorker();
      const cold = await openLibrary(browser);
      record('open, worker stopped: first rows', cold.firstRowsMs);
      record('open, worker stopped: chart', cold.chartMs);
      await cold.page.close();

      const { page, firstRowsMs, chartMs } = await openLibrary(browser);
      record('open, worker running: first rows', firstRowsMs);
      record('open, worker running: chart', chartMs);

      const firstId = await page.locator(ROW_SELECTOR).first().getAttribute('data-paperlight-id');
      const searchStart = performance.now();
      await page.fill('input[type=search]', `topic:agents is:unread -tag:r${round}`);
      await page.waitForFunction(
        (firstId) => /matching/.test(document.querySelector('h1')?.textContent ?? '') && document.querySelector('[data-paperlight-saved-item]')?.getAttribute('data-paperlight-id') !== firstId,
        firstId,
        { timeout: 30_000 },
      );
      record('search typed → new list (incl. 150 ms typing pause)', performance.now() - searchStart);
      await page.fill('input[type=search]', '');
      await page.waitForFunction((firstId) => document.querySelector('[data-paperlight-saved-item]')?.getAttribute('data-paperlight-id') === firstId, firstId, {
        timeout: 30_000,
      });

      const jumpStart = performance.now();
      const middle = Math.floor(COUNT / 2);
      await page.evaluate((middle) => {
        const viewport = document.querySelector<HTMLElement>('.list-viewport')!;
        viewport.scrollTop = middle * 56;
      }, middle);
      await page.waitForSelector(`[data-paperlight-saved-item][aria-posinset="${middle + 1}"]:not(.pending)`, { timeout: 30_000 });
      record('scroll jump to the middle → rows shown', performance.now() - jumpStart);
      await page.evaluate(() => (document.querySelector<HTMLElement>('.list-viewport')!.scrollTop = 0));

      const sweep = await scrollSweep(page, 2_000);
      record('2 s scroll through the list: longest frame', sweep.longestFrameMs);
      record('2 s scroll through the list: 95th percentile frame', sweep.p95FrameMs);
      record('rows in the DOM at most (of 10,000)', sweep.maxRows);
      await page.evaluate(() => (document.querySelector<HTMLElement>('.list-viewport')!.scrollTop = 0));
      await page.waitForTimeout(300);

      const detailsStart = performance.now();
      await page.locator('[data-paperlight-action="details"]').first().click();
      await page.waitForSelector('[data-paperlight-details] .pl-hl-paper, [data-paperlight-details] .pl-hl-empty', { timeout: 30_000 }).catch(() => page.waitForSelector('[data-paperlight-details]'));
      record('open a paper’s details', performance.now() - detailsStart);

      const exportStart = performance.now();
      await page.click('[data-paperlight-action="export"]');
      const downloading = page.waitForEvent('download', { timeout: 120_000 });
      await page.click('[data-paperlight-export="json"]');
      const download = await downloading;
      record('export the whole library as JSON → download', performance.now() - exportStart);
      await download.delete();
      await page.close();
    }

    console.log(`\nPaperlight bench:popup (browser): ${COUNT.toLocaleString('en')} saved papers in Chromium, ${ROUNDS} rounds, medians\n`);
    console.log(`  restore the ${(text.length / 1024 / 1024).toFixed(1)} MB backup (check + write)  ${ms(importMs)}  (once)`);
    for (const [name, values] of Object.entries(results)) {
      const value = median(values);
      console.log(`  ${name.padEnd(56)}${name.startsWith('rows') ? `${String(value).padStart(6)}   ` : ms(value)}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();

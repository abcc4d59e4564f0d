/**
 * `npm run demo`: the built extension in Debian's Chromium on the bundled fixture pages, offline.
 * With a display (DISPLAY set) it opens a real window to play with; without one it runs headless and
 * writes screenshots of the annotated pages and the popup to demo-output/.
 *   npm run demo -- --headless     force the screenshot mode
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from '../e2e/support/browser';
import { startFixtureServer } from '../e2e/support/fixture-server';
import { saveToggle, waitForAnnotations } from '../e2e/support/page-helpers';
import { DEMO_PAGES, FIXTURE_ROUTES } from '../e2e/support/routes';
import { arxivAssets } from '../e2e/support/site-assets';

const OUTPUT = resolve(import.meta.dirname, '../../demo-output');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;

const server = await startFixtureServer(FIXTURE_ROUTES, arxivAssets);
const browser = await launchWithExtension(server.port, { headless });
console.log(`Paperlight demo: fixture pages served on 127.0.0.1:${server.port}, mapped onto their real hosts.`);

if (!headless) {
  for (const { url } of DEMO_PAGES) await (await browser.context.newPage()).goto(url);
  await browser.openPopup();
  console.log('A Chromium window is open with the demo pages and the popup. Close it to end the demo.');
  await new Promise((done) => browser.context.on('close', done));
  await server.close();
  process.exit(0);
}

mkdirSync(OUTPUT, { recursive: true });
let failed = false;
for (const { name, url, entries, save } of DEMO_PAGES) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(url);
  try {
    const ids = await waitForAnnotations(page, entries);
    const badges = await page.locator('[data-paperlight-badge]').count();
    for (const id of save ?? []) {
      await saveToggle(page, id).click();
      await page.waitForFunction(
        (paperId) => [...document.querySelectorAll<HTMLElement>(`[data-paperlight-id="${paperId}"]`)]
          .some((el) => el.shadowRoot?.querySelector('[data-paperlight-action="save"][aria-pressed="true"]')),
        id,
      );
    }
    // Papers saved on an earlier page show as saved here too when they are the same paper (one identity).
    const shownSaved = await page.locator('[data-paperlight-action="save"][aria-pressed="true"]').count();
    await page.evaluate(() => document.querySelector('[data-paperlight-id]')?.scrollIntoView({ block: 'start' }));
    const file = resolve(OUTPUT, `${name}.png`);
    await page.screenshot({ path: file, fullPage: false });
    console.log(`✔ ${url}: ${ids.length} entries annotated, ${badges} badges, ${shownSaved} shown saved → ${file}`);
  } catch (error) {
    failed = true;
    console.error(`✖ ${url}: expected ${entries} annotated entries (${(error as Error).message.split('\n')[0]})`);
  }
  await page.close();
}
const popup = await browser.openPopup();
await popup.setViewportSize({ width: 440, height: 600 });
await popup.waitForSelector('[data-paperlight-saved-item], [data-paperlight-empty]').catch(() => undefined);
const popupFile = resolve(OUTPUT, 'popup.png');
await popup.screenshot({ path: popupFile });
console.log(`✔ popup: ${await popup.locator('[data-paperlight-saved-item]').count()} saved papers listed → ${popupFile}`);
await browser.close();
await server.close();
console.log(`\nScreenshots are in ${OUTPUT}`);
process.exit(failed ? 1 : 0);

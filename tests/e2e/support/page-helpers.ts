import type { Locator, Page } from 'playwright-core';

/** The save toggle of one paper (Playwright's CSS engine pierces open shadow roots). */
export function saveToggle(page: Page, id: string): Locator {
  return page.locator(`[data-paperlight-id="${id}"] [data-paperlight-action="save"]`).first();
}

/** Ids of entries that have our UI, in page order (one per UI host). */
export async function annotatedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ids: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('[data-paperlight-id]')) {
      if (el.shadowRoot?.querySelector('[data-paperlight-action="save"]')) ids.push(el.dataset.paperlightId!);
    }
    return ids;
  });
}

/** Wait until at least `count` entries carry our UI; returns their ids. */
export async function waitForAnnotations(page: Page, count: number, timeout = 20_000): Promise<string[]> {
  await page.waitForFunction(
    (n) => {
      let found = 0;
      for (const el of document.querySelectorAll<HTMLElement>('[data-paperlight-id]')) {
        if (el.shadowRoot?.querySelector('[data-paperlight-action="save"]')) found++;
      }
      return found >= n;
    },
    count,
    { timeout },
  );
  return annotatedIds(page);
}

/**
 * Uncaught errors and console errors during a test, from the page and from our content script (which
 * runs in an isolated world but logs to the same console). Not counted: failed resource loads and the
 * site's own app bundle failing to load, because captured pages reference site and CDN assets that are
 * deliberately unreachable offline.
 */
const OFFLINE_ASSET_FAILURE = /Failed to fetch dynamically imported module|Importing a module script failed/;

export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => {
    if (!OFFLINE_ASSET_FAILURE.test(error.message)) errors.push(`pageerror: ${error.message}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource|net::ERR_/.test(message.text())) {
      errors.push(`console.error: ${message.text()}`);
    }
  });
  return errors;
}

import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { startFixtureServer, type FixtureServer, type Route } from './fixture-server';
import { collectErrors, waitForAnnotations } from './page-helpers';
import { FIXTURE_ROUTES } from './routes';
import { arxivAssets } from './site-assets';

export interface ExtensionSession {
  readonly server: FixtureServer;
  readonly browser: ExtensionBrowser;
  /** Open `url` in a new tab and wait until `entries` entries carry our UI; errors are collected from the start. */
  open(url: string, entries: number): Promise<{ page: Page; errors: string[] }>;
}

/**
 * One fixture server and one Chromium with the built extension for the enclosing `describe`: started before
 * its tests, closed after. Serves the shared fixture routes plus the site assets (arXiv's MathJax).
 */
export function useExtensionSession(routes: Record<string, Route> = FIXTURE_ROUTES): ExtensionSession {
  let server: FixtureServer | undefined;
  let browser: ExtensionBrowser | undefined;
  beforeAll(async () => {
    server = await startFixtureServer(routes, arxivAssets);
    browser = await launchWithExtension(server.port);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const session: ExtensionSession = {
    get server() {
      if (!server) throw new Error('the fixture server starts in beforeAll');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
    async open(url, entries) {
      const page = await session.browser.context.newPage();
      const errors = collectErrors(page);
      await page.goto(url);
      await waitForAnnotations(page, entries);
      return { page, errors };
    },
  };
  return session;
}

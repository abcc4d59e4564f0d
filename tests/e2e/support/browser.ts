import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.PAPERLIGHT_CHROMIUM ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3');

/** Hosts whose pages the tests serve from fixtures. */
const MAPPED_HOSTS = ['huggingface.co', 'arxiv.org', 'static.arxiv.org', 'www.alphaxiv.org', 'alphaxiv.org', 'scholar.google.com', 'openreview.net', 'aclanthology.org'];

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** The extension's current service worker (a new one after the browser restarts it). */
  worker(): Promise<Worker>;
  /** Stop the extension's service worker the way the browser does when it is idle. */
  stopServiceWorker(): Promise<void>;
  openPopup(): Promise<Page>;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

/**
 * Launch Debian's Chromium with the built extension, every supported host mapped onto the fixture server,
 * and everything else unresolvable (nothing leaves the machine).
 */
export async function launchWithExtension(
  port: number,
  options: { userDataDir?: string; headless?: boolean } = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run .ci/run or apt-get install -y chromium`);
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`no build in ${EXTENSION_DIR}: run npm run build`);
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'paperlight-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    ignoreHTTPSErrors: true,
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, ...offlineArgs(port)],
  });
  const firstWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(firstWorker.url()).host;
  // After the worker was stopped there is none until something wakes it: a message from an extension page.
  const worker = async () => {
    const running = context.serviceWorkers()[0];
    if (running) return running;
    const started = context.waitForEvent('serviceworker', { timeout: 30_000 });
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const woken = await started;
    await page.close();
    return woken;
  };

  return {
    context,
    extensionId,
    userDataDir,
    worker,
    async stopServiceWorker() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    async openPopup() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      return page;
    },
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Every mapped host served by the fixture server on `port`, nothing else reachable. */
function offlineArgs(port: number): string[] {
  const rules = [...MAPPED_HOSTS.map((host) => `MAP ${host}:443 127.0.0.1:${port}`), 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1'].join(', ');
  return [
    `--host-resolver-rules=${rules}`,
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ];
}

/** The same browser and host mapping without the extension: the baseline of `npm run bench:page`. */
export async function launchWithoutExtension(port: number): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run .ci/run or apt-get install -y chromium`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'paperlight-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreHTTPSErrors: true,
    args: offlineArgs(port),
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

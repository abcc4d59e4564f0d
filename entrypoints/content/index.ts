import { browser } from 'wxt/browser';

/**
 * The manifest's content script: a small loader. The code (./module.ts, everything else in lib/content)
 * is an ES module it imports: the browser fetches and compiles a module script off the main thread, where a
 * classic content script of that size was compiled and run in one long task of the page (issue 4; how the
 * module is built and made web-accessible: modules/content-module.ts).
 *
 * The loader runs at document start so that the module is fetched, compiled and evaluated while the page
 * is still loading (a big listing takes seconds to parse); the module reads the page from
 * DOMContentLoaded on, as a content script at the default "document_idle" would.
 *
 * `matches` (every adapter's patterns, lib/sites `allMatchPatterns`) is filled in at build time by
 * modules/content-module.ts, so that this script does not bundle lib/sites.
 */
export default defineContentScript({
  runAt: 'document_start',
  async main(ctx) {
    const documentReady = contentLoaded(document);
    let module: typeof import('./module');
    try {
      module = await import(/* @vite-ignore */ browser.runtime.getURL('/content-scripts/esm/content.js'));
    } catch (error) {
      if (ctx.isValid) console.warn('Paperlight: could not load the content script module', error);
      return;
    }
    if (ctx.isValid) module.startContentScript(ctx, documentReady);
  },
});

/** Resolves once the document is parsed (at once if it is: a script registered at "document_idle"). */
function contentLoaded(doc: Document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

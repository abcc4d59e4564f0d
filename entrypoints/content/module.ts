import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { entryFeatures } from '@/lib/content/features';
import { startPaperlight } from '@/lib/content/paperlight';

/**
 * The content script's code, built as an ES module (modules/content-module.ts) and imported by the loader
 * (./index.ts) with the loader's WXT context: its signal ends this copy when the extension is updated or
 * reloaded, and it reports client-side navigations. The page is read once `documentReady` settles.
 */
export function startContentScript(ctx: ContentScriptContext, documentReady?: Promise<unknown>): void {
  startPaperlight({
    signal: ctx.signal,
    documentReady,
    features: entryFeatures,
    onLocationChange: (listener) => ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => listener(newUrl)),
  });
}

import { entryFeatures } from '@/lib/content/features';
import { startPaperlight } from '@/lib/content/paperlight';
import { allMatchPatterns } from '@/lib/sites';

// Thin on purpose: everything else is in lib/content (tested without a browser). One content script for
// every supported site; lib/sites picks the adapter for the page, or leaves the page alone.
export default defineContentScript({
  matches: allMatchPatterns(),
  main(ctx) {
    startPaperlight({
      signal: ctx.signal,
      features: entryFeatures,
      onLocationChange: (listener) => ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => listener(newUrl)),
    });
  },
});

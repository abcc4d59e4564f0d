/**
 * The parts of arXiv's own page scripts that change what our content script sees: MathJax. arXiv's listing,
 * search and abstract pages call `mathjaxToggle()` (arxiv.org/static/browse/.../js/mathjaxToggle.min.js),
 * which loads MathJax 2.7.3 from static.arxiv.org with tex2jax set to process only `.mathjax` elements.
 * Offline, those requests would fail and the pages would stay untypeset, hiding exactly the rewriting the
 * adapters must survive (issue 4). So the fixture server answers them:
 *
 * - mathjaxToggle.min.js: a stand-in written here (not arXiv's file) that configures MathJax the way arXiv's
 *   pages do (the configuration values as served with arXiv's pages) and loads it; when typesetting ends it
 *   sets `performance.mark('fixture:mathjax-end')` so benchmarks can tell when the page itself is done;
 * - static.arxiv.org/MathJax-2.7.3/...: the files of the `mathjax` 2.7.9 npm package (dev dependency).
 */
import { existsSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { createRequire } from 'node:module';
import type { Route } from './fixture-server';

const MATHJAX_DIR = dirname(createRequire(import.meta.url).resolve('mathjax/package.json'));

export const MATHJAX_END_MARK = 'fixture:mathjax-end';

const MATHJAX_TOGGLE = `// Stand-in for arXiv's mathjaxToggle.min.js (tests/e2e/support/site-assets.ts).
function mathjaxToggle() {
  window.MathJax = {
    messageStyle: 'none',
    extensions: ['tex2jax.js'],
    jax: ['input/TeX', 'output/HTML-CSS'],
    tex2jax: {
      inlineMath: [['$', '$'], ['\\\\(', '\\\\)']],
      displayMath: [['$$', '$$'], ['\\\\[', '\\\\]']],
      processEscapes: true,
      ignoreClass: '.*',
      processClass: 'mathjax.*',
    },
    TeX: {
      extensions: ['AMSmath.js', 'AMSsymbols.js', 'noErrors.js'],
      noErrors: { inlineDelimiters: ['$', '$'], multiLine: false, style: { 'font-size': 'normal', border: '' } },
    },
    'HTML-CSS': { availableFonts: ['TeX'] },
    AuthorInit: function () {
      MathJax.Hub.Register.StartupHook('End', function () {
        performance.mark(${JSON.stringify(MATHJAX_END_MARK)});
      });
    },
  };
  var script = document.createElement('script');
  script.src = 'https://static.arxiv.org/MathJax-2.7.3/MathJax.js';
  document.head.appendChild(script);
}
`;

/** The fixture server's fallback for arXiv's MathJax requests (host + path + query → route). */
export function arxivAssets(hostAndPath: string): Route | undefined {
  const path = hostAndPath.replace(/\?.*$/, '');
  if (/^arxiv\.org\/static\/browse\/[^/]+\/js\/mathjaxToggle\.min\.js$/.test(path)) {
    return { body: MATHJAX_TOGGLE, contentType: 'text/javascript; charset=utf-8' };
  }
  const match = /^static\.arxiv\.org\/MathJax-2\.7\.3\/(.+)$/.exec(path);
  if (!match) return undefined;
  const file = normalize(join(MATHJAX_DIR, decodeURIComponent(match[1]!)));
  if (!file.startsWith(MATHJAX_DIR + sep) || !existsSync(file)) return undefined;
  return { file };
}

/**
 * The text of an element whose mathematics a typesetter may have rewritten, read the same way before and
 * after typesetting: as the TeX source the author wrote.
 *
 * Why: arXiv loads MathJax 2.7 (tex2jax, `processClass: 'mathjax'`) on listings, search results and
 * abstract pages. Until it runs, a title reads `On $\Lambda_{\alpha}$ spaces`; afterwards the same element
 * holds a hidden preview span, a rendered `span.MathJax` full of glyphs, and the source in
 * `<script type="math/tex">\Lambda_{\alpha}</script>`. Plain `textContent` would give three different
 * strings over the page's first seconds, so the same paper would be extracted (and saved) with different
 * text depending on when we read it. Reading the scripts and skipping the rendering gives one string.
 *
 * Also read the same way: `\(...\)` and `\[...\]` delimiters are written as `$...$` / `$$...$$` (what the
 * typeset form gives back), `\$` (processEscapes) as `$`, and MathML with an `alttext` (arXiv's LaTeXML
 * HTML pages) as its TeX.
 *
 * MathJax 3 (OpenReview) keeps no source in the page. For it, the first reading is kept: an element read
 * before typesetting, and read again once it holds `mjx-container` output, gives the earlier text. Read
 * only after typesetting (the content script came late), its formulas are left out.
 */
import { normalizeText } from './read';

/** Elements a typesetter adds to show a formula; the formula's source is elsewhere (or nowhere). */
const RENDERING_CLASSES = [
  'MathJax_Preview', // MathJax 2: the source (or nothing) while a formula waits to be typeset
  'MathJax', // MathJax 2 HTML-CSS output (inline)
  'MathJax_Display', // MathJax 2 HTML-CSS output (display)
  'MathJax_SVG',
  'MathJax_SVG_Display',
  'MathJax_CHTML',
  'MJXc-display',
  'MathJax_MathML',
  'MJX_Assistive_MathML',
];
/** Our own UI host (lib/content/entry-ui HOST_ATTRIBUTE), should one sit inside a title or abstract. */
const OUR_UI_ATTRIBUTE = 'data-paperlight-host';
// MathJax 3 output; never text; controls a site adds inside text (arXiv HTML's "Report issue" buttons).
const SKIPPED_TAGS = new Set(['mjx-container', 'mjx-assistive-mml', 'style', 'noscript', 'template', 'button']);

/** The element's text with mathematics as TeX source, normalised to one line (see `normalizeText`). */
export function texText(element: Element | null | undefined): string {
  if (!element) return '';
  const parts: string[] = [];
  const reading = { sourceless: false };
  collect(element, parts, reading);
  const text = normalizeText(parts.join(''));
  if (reading.sourceless) return beforeTypesetting.get(element) ?? text;
  // Only texts that may hold TeX are remembered (a typesetter can change no other).
  if (text.includes('$')) beforeTypesetting.set(element, text);
  return text;
}

/** What an element said before a typesetter without kept source (MathJax 3) rewrote it. */
const beforeTypesetting = new WeakMap<Element, string>();

function collect(node: Node, parts: string[], reading: { sourceless: boolean }): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 /* text */) {
      parts.push(sourceDelimiters((child as Text).data));
      continue;
    }
    if (child.nodeType !== 1 /* element */) continue;
    const element = child as Element;
    const tag = element.localName;
    if (tag === 'script') {
      const type = element.getAttribute('type') ?? '';
      if (/^math\/tex/i.test(type)) {
        const fence = /mode=display/i.test(type) ? '$$' : '$';
        parts.push(`${fence}${element.textContent ?? ''}${fence}`);
      }
      continue;
    }
    if (tag === 'math') {
      const alt = element.getAttribute('alttext');
      parts.push(alt ? `$${alt}$` : (element.textContent ?? ''));
      continue;
    }
    if (tag === 'br') {
      parts.push(' ');
      continue;
    }
    if (tag === 'mjx-container') reading.sourceless = true;
    if (SKIPPED_TAGS.has(tag) || isRendering(element) || element.hasAttribute(OUR_UI_ATTRIBUTE)) continue;
    collect(element, parts, reading);
  }
}

function isRendering(element: Element): boolean {
  const list = element.classList;
  if (list.length === 0) return false;
  for (const name of RENDERING_CLASSES) if (list.contains(name)) return true;
  return false;
}

/** `\(x\)` → `$x$`, `\[x\]` → `$$x$$`, `\$` → `$`: the forms MathJax's output reads back as. */
function sourceDelimiters(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\\$/g, '$').replace(/\\[()]/g, '$').replace(/\\[[\]]/g, '$$$$');
}

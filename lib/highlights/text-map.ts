/**
 * The text of one entry field (a title or an abstract element) as highlights count it, and the way back
 * from a character of that text to the DOM node showing it.
 *
 * The text is what a reader sees, the way lib/sites/read.ts `normalizeText` reads it: invisible characters
 * gone, every run of whitespace one space, trimmed. So positions mean the same on every site showing the same
 * words (arXiv's template indents its abstracts, Hugging Face's does not). Left out: our own UI, scripts,
 * styles, and whatever the caller names in `ignore` (labels such as arXiv's "Abstract:").
 *
 * Rendered math is one unit (an "atom"): MathJax replaces `$(k,\ell)$` with dozens of glyph spans, or with
 * CSS-drawn glyphs and no text at all; the atom reads as the TeX source where the page keeps it (MathJax 2's
 * script, KaTeX's annotation, LaTeXML's alttext), else as its assistive MathML text (MathJax 3), and is
 * highlighted whole. This agrees with how the arXiv
 * adapter reads titles and abstracts (lib/sites/tex-text.ts), so a quote taken from a typeset page has the
 * same text as one taken before typesetting.
 */

/** Never text, on any site. */
const NEVER_TEXT = [
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  // Our own UI hosts (badges, toolbar) and anything else we mark as ours.
  '[data-paperlight-host]',
  '[data-paperlight-ui]',
  // MathJax 2's placeholder shown while typesetting; empty or a copy of the source.
  '.MathJax_Preview',
].join(', ');

/** Rendered math, outermost first (MathJax 2 display math wraps its frame in a div). */
const MATH_ATOMS = [
  // MathJax 3 (CHTML and SVG output).
  'mjx-container',
  // MathJax 2 frames: HTML-CSS, CommonHTML, SVG, and display math's wrapper.
  '.MathJax_Display',
  '.MathJax',
  '.MathJax_CHTML',
  '.mjx-chtml',
  '.MathJax_SVG',
  // KaTeX (pages that render TeX themselves, e.g. Hugging Face): visual `.katex-html` and MathML with the
  // TeX in an annotation, side by side in one `.katex` span.
  '.katex',
  // MathML as arXiv's LaTeXML HTML pages write it (TeX in `alttext`).
  'math',
].join(', ');

/** Characters that change how text looks in the DOM but not what it says (as lib/sites/read.ts). */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
const WHITESPACE = /\s/;

/** A node behind some of the text: a text node, or a math element read as one unit. */
export interface TextSegment {
  node: Node;
  atom: boolean;
}

export interface TextMap {
  root: Element;
  /** The normalized text. */
  text: string;
  segments: TextSegment[];
  /** Per character of `text`: index of its segment (non-decreasing). */
  segmentOf: Int32Array;
  /** Per character of `text`: offset inside its text node (or inside the atom's text). */
  offsetOf: Int32Array;
}

export interface TextMapOptions {
  /** CSS selector of elements whose text is not part of the field (site labels, toggle links). */
  ignore?: string;
}

/** Read the text of `root`. Never throws: an unreadable subtree counts as no text. */
export function readTextMap(root: Element, options: TextMapOptions = {}): TextMap {
  const ignore = options.ignore ? `${NEVER_TEXT}, ${options.ignore}` : NEVER_TEXT;
  const builder = new TextBuilder();
  const segments: TextSegment[] = [];

  const visitText = (node: Text) => {
    const index = segments.push({ node, atom: false }) - 1;
    const data = node.data;
    for (let offset = 0; offset < data.length; offset++) builder.add(data[offset]!, index, offset);
  };
  const visitAtom = (element: Element) => {
    const index = segments.push({ node: element, atom: true }) - 1;
    const source = normalizeSpaces(mathText(element));
    for (let offset = 0; offset < source.length; offset++) builder.add(source[offset]!, index, offset);
  };
  const walk = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) visitText(child as Text);
      else if (child.nodeType === ELEMENT_NODE) {
        const element = child as Element;
        if (element.localName === 'br') builder.add(' ', segments.push({ node: element, atom: true }) - 1, 0);
        else if (safeMatches(element, ignore)) continue;
        else if (safeMatches(element, MATH_ATOMS)) visitAtom(element);
        else walk(element);
      }
    }
  };
  try {
    walk(root);
  } catch {
    // A page that changes under us mid-walk: what was read so far is the text.
  }
  const { text, segmentOf, offsetOf } = builder.finish();
  return { root, text, segments, segmentOf, offsetOf };
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Collapses whitespace while remembering where every kept character came from. */
class TextBuilder {
  private readonly chars: string[] = [];
  private readonly segmentOf: number[] = [];
  private readonly offsetOf: number[] = [];
  private pendingSpace: [number, number] | undefined;

  add(char: string, segment: number, offset: number): void {
    if (INVISIBLE.test(char)) return;
    if (WHITESPACE.test(char)) {
      // One space for the whole run, placed at its first character; none at the start of the text.
      if (!this.pendingSpace && this.chars.length > 0) this.pendingSpace = [segment, offset];
      return;
    }
    if (this.pendingSpace) {
      this.push(' ', ...this.pendingSpace);
      this.pendingSpace = undefined;
    }
    this.push(char, segment, offset);
  }

  finish(): { text: string; segmentOf: Int32Array; offsetOf: Int32Array } {
    // A trailing space run is dropped (trimmed), as pendingSpace never lands.
    return { text: this.chars.join(''), segmentOf: Int32Array.from(this.segmentOf), offsetOf: Int32Array.from(this.offsetOf) };
  }

  private push(char: string, segment: number, offset: number): void {
    this.chars.push(char);
    this.segmentOf.push(segment);
    this.offsetOf.push(offset);
  }
}

function normalizeSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * What a rendered formula says. MathJax 2 keeps the TeX in `<script type="math/tex" id="MathJax-Element-N">`
 * beside its frame `MathJax-Element-N-Frame`: read back with the `$` delimiters the page's source had, the
 * text is the same before and after typesetting. MathJax 3 draws glyphs with CSS; its assistive MathML holds
 * the characters.
 */
function mathText(element: Element): string {
  const alttext = element.localName === 'math' ? element.getAttribute('alttext') : null;
  if (alttext) return `$${alttext}$`;
  const annotation = element.querySelector('annotation[encoding="application/x-tex"]');
  if (annotation) return `$${annotation.textContent ?? ''}$`;
  const script = texScriptOf(element);
  if (script) {
    const delimiter = /mode\s*=\s*display/i.test(script.getAttribute('type') ?? '') ? '$$' : '$';
    return `${delimiter}${script.textContent ?? ''}${delimiter}`;
  }
  const assistive = element.querySelector('mjx-assistive-mml, .MJX_Assistive_MathML');
  if (assistive) return assistive.textContent ?? '';
  return element.getAttribute('aria-label') ?? element.textContent ?? '';
}

function texScriptOf(element: Element): Element | undefined {
  const frame = /-Frame$/.test(element.id) ? element : element.querySelector('[id$="-Frame"]');
  if (frame) {
    const byId = element.ownerDocument.getElementById(frame.id.replace(/-Frame$/, ''));
    if (byId && isTexScript(byId)) return byId;
  }
  // The script follows the frame (or display math's wrapper) directly, maybe after a preview.
  for (let next = element.nextElementSibling, hops = 0; next && hops < 2; next = next.nextElementSibling, hops++) {
    if (isTexScript(next)) return next;
  }
  return undefined;
}

function isTexScript(element: Element): boolean {
  return element.localName === 'script' && /^math\/tex/i.test(element.getAttribute('type') ?? '');
}

function safeMatches(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
}

// ---- From the DOM to the text ------------------------------------------------------------------

/**
 * The text index where a DOM boundary point (a Range start or end) falls: the characters before the index are
 * before the point. A point inside a math atom counts as its start (`bias` 'start') or its end ('end'): a
 * formula is highlighted whole or not at all. A point outside every segment (in a label, between elements,
 * outside the root) falls before the next segment after it.
 */
export function indexAtPoint(map: TextMap, container: Node, offset: number, bias: 'start' | 'end'): number {
  const { segments } = map;
  let segment = segments.length;
  let inner = 0;
  const own = segments.findIndex((candidate) => candidate.node === container || (candidate.atom && candidate.node.contains(container)));
  if (own >= 0) {
    segment = own;
    if (segments[own]!.atom) inner = bias === 'start' ? 0 : Number.MAX_SAFE_INTEGER;
    else inner = offset;
  } else {
    segment = firstSegmentAtOrAfter(segments, container, offset);
  }
  return lowerBound(map, segment, inner);
}

/** First character at or after (segment, offset). */
function lowerBound(map: TextMap, segment: number, offset: number): number {
  const { segmentOf, offsetOf } = map;
  let low = 0;
  let high = segmentOf.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const s = segmentOf[middle]!;
    if (s < segment || (s === segment && offsetOf[middle]! < offset)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Binary search over segments (document order) for the first one not before the point. */
function firstSegmentAtOrAfter(segments: readonly TextSegment[], container: Node, offset: number): number {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isBeforePoint(segments[middle]!.node, container, offset)) low = middle + 1;
    else high = middle;
  }
  return low;
}

const FOLLOWING = 4;
const CONTAINED_BY = 16;

/** Does `node` start before the boundary point (container, offset)? (The node is never the container.) */
function isBeforePoint(node: Node, container: Node, offset: number): boolean {
  if (container.nodeType !== TEXT_NODE && container.contains(node)) {
    // Inside the container: before the point when it sits in one of the first `offset` children.
    const child = container.childNodes[offset];
    if (!child) return true;
    return child !== node && !child.contains(node) && !(child.compareDocumentPosition(node) & FOLLOWING);
  }
  const position = container.compareDocumentPosition(node);
  if (position & CONTAINED_BY) return false; // a text container has no children; unreachable otherwise
  return !(position & FOLLOWING);
}

// ---- From the text to the DOM ------------------------------------------------------------------

/** Part of a node covered by a text range: [from, to) of a text node, or a whole math atom. */
export type DomPiece = { kind: 'text'; node: Text; from: number; to: number } | { kind: 'atom'; element: Element };

/** The DOM pieces showing text[start, end), in document order. */
export function piecesOf(map: TextMap, start: number, end: number): DomPiece[] {
  const pieces: DomPiece[] = [];
  let index = Math.max(0, start);
  const stop = Math.min(end, map.text.length);
  while (index < stop) {
    const segmentIndex = map.segmentOf[index]!;
    let last = index;
    while (last + 1 < stop && map.segmentOf[last + 1] === segmentIndex) last++;
    const segment = map.segments[segmentIndex]!;
    if (segment.atom) pieces.push({ kind: 'atom', element: segment.node as Element });
    else pieces.push({ kind: 'text', node: segment.node as Text, from: map.offsetOf[index]!, to: map.offsetOf[last]! + 1 });
    index = last + 1;
  }
  return pieces;
}

/** A DOM Range over text[start, end), or undefined for an empty or stale span. */
export function domRangeOf(map: TextMap, start: number, end: number): Range | undefined {
  const pieces = piecesOf(map, start, end);
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (!first || !last) return undefined;
  try {
    const range = map.root.ownerDocument.createRange();
    if (first.kind === 'text') range.setStart(first.node, first.from);
    else range.setStartBefore(first.element);
    if (last.kind === 'text') range.setEnd(last.node, last.to);
    else range.setEndAfter(last.element);
    return range;
  } catch {
    return undefined; // the page changed the nodes since the map was read
  }
}

/**
 * Painting highlights into the page: the text a highlight covers is wrapped, node by node, in our own inline
 * elements (`<paperlight-mark data-paperlight-highlight="<id>">`); a formula is wrapped whole. Wrapping leaves
 * the text itself untouched (adapters read the same title and abstract), and unwrapping gives the page its
 * nodes back: text nodes we split are joined again, so a framework holding the original node still holds all
 * of its text.
 */
import { COLOR_PAINT, paintableColor } from '../../../highlights/colors';
import type { DomPiece } from '../../../highlights/text-map';

export const MARK_TAG = 'paperlight-mark';
/** Stable test hook: the highlight's id on every element painting it. */
export const HIGHLIGHT_ATTRIBUTE = 'data-paperlight-highlight';
export const MARK_SELECTOR = `[${HIGHLIGHT_ATTRIBUTE}]`;

export interface PaintedHighlight {
  id: string;
  color: string;
  note: string;
}

/** Text nodes created by splitting a page's node, so that unpainting can join them back. */
export class SplitLedger {
  private readonly pieces = new Set<Text>();

  split(node: Text, offset: number): Text {
    const rest = node.splitText(offset);
    this.pieces.add(rest);
    return rest;
  }

  /** Join every piece we split off back into the text node before it, where both are still side by side. */
  joinAll(): void {
    for (const piece of this.pieces) {
      const before = piece.previousSibling;
      if (piece.isConnected && before?.nodeType === 3) {
        (before as Text).appendData(piece.data);
        piece.remove();
      }
    }
    this.pieces.clear();
  }
}

export interface PaintOptions {
  /** Leave TeX (`$…$`, `\(…\)`) unwrapped: a typesetter has yet to render it (fields.ts `typesetsLater`). */
  leaveTex?: boolean;
}

/** TeX a typesetter would pick up: `$$…$$`, `$…$`, `\(…\)`, `\[…\]` (not `\$`, an escaped dollar). */
const TEX = /(?<!\\)\$\$[^$]+?(?<!\\)\$\$|(?<!\\)\$[^$]+?(?<!\\)\$|\\\([\s\S]+?\\\)|\\\[[\s\S]+?\\\]/g;

/** Wrap the pieces of one highlight; returns the elements made, in document order. */
export function paintPieces(
  doc: Document,
  pieces: readonly DomPiece[],
  highlight: PaintedHighlight,
  ledger: SplitLedger,
  options: PaintOptions = {},
): HTMLElement[] {
  const marks: HTMLElement[] = [];
  for (const piece of pieces) {
    if (piece.kind === 'atom') {
      marks.push(wrap(doc, piece.element, highlight));
      continue;
    }
    const spans = options.leaveTex ? withoutTex(piece.node.data, piece.from, piece.to) : [[piece.from, piece.to] as const];
    // Right to left: splitting off the end keeps the offsets of the spans before it valid.
    const made: HTMLElement[] = [];
    for (let i = spans.length - 1; i >= 0; i--) {
      const [from, to] = spans[i]!;
      let node = piece.node;
      if (to < node.length) ledger.split(node, to);
      if (from > 0) node = ledger.split(node, from);
      made.unshift(wrap(doc, node, highlight));
    }
    marks.push(...made);
  }
  return marks;
}

/** [from, to) of `data` with its TeX taken out: the spans left, in order. */
function withoutTex(data: string, from: number, to: number): (readonly [number, number])[] {
  const spans: [number, number][] = [];
  let at = from;
  for (const match of data.matchAll(TEX)) {
    const texStart = match.index;
    const texEnd = texStart + match[0].length;
    if (texEnd <= at || texStart >= to) continue;
    if (texStart > at) spans.push([at, texStart]);
    at = Math.max(at, texEnd);
  }
  if (at < to) spans.push([at, to]);
  return spans;
}

function wrap(doc: Document, node: Node, highlight: PaintedHighlight): HTMLElement {
  const mark = doc.createElement(MARK_TAG);
  mark.setAttribute(HIGHLIGHT_ATTRIBUTE, highlight.id);
  styleMark(mark, highlight);
  node.parentNode!.insertBefore(mark, node);
  mark.append(node);
  return mark;
}

/** Colour and note of a painted mark (also after an edit, without repainting). */
export function styleMark(mark: HTMLElement, highlight: PaintedHighlight): void {
  const color = paintableColor(highlight.color);
  mark.setAttribute('data-color', color);
  if (highlight.note) mark.title = highlight.note;
  else mark.removeAttribute('title');
  // Through the CSSOM: a page CSP without 'unsafe-inline' blocks style attributes and <style>, not this.
  const style = mark.style;
  style.backgroundColor = COLOR_PAINT[color];
  style.color = 'inherit';
  style.borderRadius = '2px';
  style.cursor = 'pointer';
  style.setProperty('box-decoration-break', 'clone');
  style.setProperty('-webkit-box-decoration-break', 'clone');
}

/** Remove our marks inside `element` (all of them, also ones an older copy of the script left), keeping their content. */
export function unpaintWithin(element: Element, ledger: SplitLedger): void {
  for (const mark of element.querySelectorAll(MARK_SELECTOR)) unwrap(mark);
  ledger.joinAll();
}

/** Remove these marks, keeping their content. */
export function unpaintMarks(marks: Iterable<Element>, ledger: SplitLedger): void {
  for (const mark of marks) unwrap(mark);
  ledger.joinAll();
}

function unwrap(mark: Element): void {
  const parent = mark.parentNode;
  if (!parent) return;
  while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
  mark.remove();
}

/**
 * Keeps each entry's painted highlights equal to its stored ones, whatever the page does.
 *
 * `update(entry, highlights)` is called after every re-render inside the entry (also after our own painting),
 * so it first checks, cheaply, whether the page still shows exactly what was painted: same highlights, same
 * field text, every mark still in place, no mark of ours it does not know. Only otherwise does it repaint the
 * field: unpaint everything, anchor every highlight again in the current text, paint those found. A page that
 * replaced the nodes (Svelte re-render, MathJax typesetting) gets its highlights back once, never twice.
 */
import { anchorInText } from '../../../highlights/anchor';
import { piecesOf, readTextMap, type TextMap } from '../../../highlights/text-map';
import type { StoredHighlight } from '../../../db/schema';
import type { PaperId } from '../../../paper';
import type { AnnotatedEntry } from '../../entry-features';
import { FIELD_TEXT, FIELDS, fieldElement, typesetsLater, type Field } from './fields';
import { MARK_SELECTOR, paintPieces, SplitLedger, unpaintWithin } from './paint';

/** Repaints of one field caused by the page (not by our own edits) before we stop fighting the page. */
export const MAX_PAGE_REPAINTS = 30;

class FieldPaint {
  readonly ledger = new SplitLedger();
  /** The marks of every highlight placed; a highlight not placed has none (it stays stored). */
  readonly marks = new Map<string, HTMLElement[]>();
  private text: string | undefined;
  /** Formulas rendered when painted: MathJax typesetting later changes it (and the TeX left out gets painted). */
  private atoms = 0;
  private signature: string | undefined;
  private pageRepaints = 0;

  constructor(readonly element: Element) {}

  /** Bring the field up to date; returns whether it repainted. */
  sync(highlights: readonly StoredHighlight[]): boolean {
    const signature = signatureOf(highlights);
    if (signature === this.signature && this.isIntact()) return false;
    if (signature === this.signature && ++this.pageRepaints > MAX_PAGE_REPAINTS) {
      if (this.pageRepaints === MAX_PAGE_REPAINTS + 1) console.warn('Paperlight: the page keeps redrawing a highlighted text; highlights there are left as they are.');
      return false;
    }
    this.paint(highlights, signature);
    return true;
  }

  clear(): void {
    unpaintWithin(this.element, this.ledger);
    this.marks.clear();
    this.text = this.signature = undefined;
  }

  /** Does the page still show what was painted? */
  private isIntact(): boolean {
    let count = 0;
    for (const marks of this.marks.values()) {
      for (const mark of marks) {
        if (!mark.isConnected || !this.element.contains(mark) || !mark.firstChild) return false;
        count++;
      }
    }
    if (this.element.querySelectorAll(MARK_SELECTOR).length !== count) return false;
    const map = readTextMap(this.element, FIELD_TEXT);
    return map.text === this.text && atomCount(map) === this.atoms;
  }

  private paint(highlights: readonly StoredHighlight[], signature: string): void {
    const doc = this.element.ownerDocument;
    unpaintWithin(this.element, this.ledger);
    this.marks.clear();
    const map = readTextMap(this.element, FIELD_TEXT);
    this.text = map.text;
    this.atoms = atomCount(map);
    this.signature = signature;
    const leaveTex = typesetsLater(this.element);
    const placed: [StoredHighlight, { start: number; end: number }][] = [];
    for (const highlight of highlights) {
      const anchor = anchorInText(map.text, { quote: highlight.quote, position: highlight.position });
      if (anchor) placed.push([highlight, anchor]);
    }
    // Oldest first, so newer highlights nest inside older ones and show on top. Wrapping splits text nodes
    // but never changes the text, so the anchors stay valid; the nodes behind them are read afresh each time.
    for (const [highlight, { start, end }] of placed) {
      const pieces = piecesOf(readTextMap(this.element, FIELD_TEXT), start, end);
      try {
        this.marks.set(highlight.id, paintPieces(doc, pieces, highlight, this.ledger, { leaveTex }));
      } catch (error) {
        console.warn('Paperlight: could not paint a highlight', error);
      }
    }
  }
}

function atomCount(map: TextMap): number {
  let count = 0;
  for (const segment of map.segments) if (segment.atom) count++;
  return count;
}

function signatureOf(highlights: readonly StoredHighlight[]): string {
  return highlights.map((highlight) => `${highlight.id}@${highlight.updatedAt}`).join('|');
}

export class HighlightPainter {
  private readonly painted = new Map<Element, { paperId: PaperId; fields: Map<Field, FieldPaint> }>();

  /** Paint (or leave painted) `highlights` of the entry's paper in its title and abstract. */
  update(entry: AnnotatedEntry, highlights: readonly StoredHighlight[]): void {
    let state = this.painted.get(entry.root);
    if (state && state.paperId !== entry.paper.id) {
      this.remove(entry.root); // the site reused the element for another paper
      state = undefined;
    }
    if (!state && highlights.length === 0) return; // the common case on a listing: nothing to do
    state ??= { paperId: entry.paper.id, fields: new Map() };
    this.painted.set(entry.root, state);
    for (const field of FIELDS) {
      const element = fieldElement(entry, field);
      let paint = state.fields.get(field);
      if (paint && paint.element !== element) {
        paint.clear(); // the site replaced the field's element: the new one is painted from scratch
        state.fields.delete(field);
        paint = undefined;
      }
      if (!element) continue;
      const mine = highlights.filter((highlight) => highlight.field === field);
      if (!paint && mine.length === 0) continue;
      if (!paint) state.fields.set(field, (paint = new FieldPaint(element)));
      paint.sync(mine);
    }
  }

  /** The entry left the page or stopped being one: give its text back. */
  remove(root: Element): void {
    const state = this.painted.get(root);
    if (!state) return;
    for (const paint of state.fields.values()) paint.clear();
    this.painted.delete(root);
  }

  clear(): void {
    for (const root of [...this.painted.keys()]) this.remove(root);
  }

  /** The ids of this paper's highlights painted somewhere on the page. */
  shownOf(paperId: PaperId): Set<string> {
    const shown = new Set<string>();
    for (const state of this.painted.values()) {
      if (state.paperId !== paperId) continue;
      for (const paint of state.fields.values()) for (const id of paint.marks.keys()) shown.add(id);
    }
    return shown;
  }

  /** The marks painting one highlight, in document order (tests; scrolling to a highlight). */
  marksOf(id: string): HTMLElement[] {
    const marks: HTMLElement[] = [];
    for (const state of this.painted.values()) for (const paint of state.fields.values()) marks.push(...(paint.marks.get(id) ?? []));
    return marks;
  }
}

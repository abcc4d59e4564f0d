/**
 * From the reader's selection to what a new highlight would describe: which entry, which field, and the
 * selectors of the selected text within that field's text.
 */
import { describeSpan, spanOfRange, type HighlightSelectors } from '../../../highlights/anchor';
import { readTextMap } from '../../../highlights/text-map';
import type { AnnotatedEntry } from '../../entry-features';
import { FIELD_TEXT, type Field } from './fields';

/** A field element of an entry on the page. */
export interface FieldOwner {
  entry: AnnotatedEntry;
  field: Field;
  element: Element;
}

export interface SelectionTarget extends FieldOwner {
  selectors: Required<HighlightSelectors>;
  /** Viewport coordinates of the selection (to place the toolbar). */
  place: { top: number; bottom: number; left: number };
}

/**
 * The field the selection lies in (where it starts, or where it ends when it starts outside every field, as
 * when dragging from the author line into the abstract), clipped to that field. Undefined for an empty
 * selection or one that touches no highlightable text.
 */
export function selectionTarget(selection: Selection | null, locate: (node: Node) => FieldOwner | undefined): SelectionTarget | undefined {
  try {
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
    const range = selection.getRangeAt(0);
    const owners = [locate(range.startContainer), locate(range.endContainer)].filter((owner): owner is FieldOwner => owner !== undefined);
    for (const owner of owners) {
      const map = readTextMap(owner.element, FIELD_TEXT);
      const span = spanOfRange(map, range);
      if (!span) continue;
      return { ...owner, selectors: describeSpan(map.text, span.start, span.end), place: placeOf(range) };
    }
    return undefined;
  } catch {
    return undefined; // a selection in a part of the page that changed under us
  }
}

function placeOf(range: Range): SelectionTarget['place'] {
  // The last line of a multi-line selection is where the pointer (or the caret) ends.
  const rects = typeof range.getClientRects === 'function' ? [...range.getClientRects()] : [];
  const last = rects.filter((rect) => rect.width > 0 || rect.height > 0).pop();
  const box = last ?? range.getBoundingClientRect();
  const first = range.getBoundingClientRect();
  return { top: first.top, bottom: box.bottom, left: box.left };
}

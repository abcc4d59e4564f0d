import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { QueryTerm } from '../../lib/library/query';
import type { LibraryPaper, PaperEdit, TagCount } from '../../lib/messaging/requests/library';
import type { PaperId } from '../../lib/paper';
import { PendingRow, SavedPaperRow, type RowActions } from './SavedPaperRow';
import type { Theme } from './use-preferred-theme';
import { listHeight, rowTop, rowsInView, type ExpandedRow, type RowRange } from './virtual-window';

/** Fixed height (px) of a collapsed row: the list is virtualised by arithmetic. Matches popup.css. */
export const ROW_HEIGHT = 56;
/** Height of the scrolling area (5 rows): with the header, chart and search the popup stays under the 600 px browsers allow. */
export const LIST_HEIGHT = 280;
/** Rows rendered beyond each edge of the view, so a quick scroll shows rows rather than blanks. */
export const OVERSCAN = 6;

/**
 * The saved list, virtualised: only the rows in view (and a few either side) exist in the DOM, so 10,000
 * saved papers cost what a screenful does. Rows come from `paperAt`; `onShow` asks for the pages in view.
 * One row at a time may be expanded (its details); its measured height shifts the rows below it.
 */
export function SavedPaperList({
  total,
  resetKey,
  paperAt,
  onShow,
  removing,
  onRemove,
  expandedId,
  expandedIndex,
  onExpand,
  onEdit,
  onFilter,
  tagCounts,
  viewportMax = LIST_HEIGHT,
  theme,
}: {
  total: number;
  /** Changing it (a new search) scrolls back to the top. */
  resetKey: string;
  paperAt: (index: number) => LibraryPaper | undefined;
  onShow: (range: RowRange) => void;
  removing: ReadonlySet<PaperId>;
  /** Resolves whether the paper was removed. */
  onRemove: (id: PaperId) => Promise<boolean>;
  expandedId: PaperId | undefined;
  /** Where the expanded paper is in the list (-1: not loaded, or not in this list). */
  expandedIndex: number;
  onExpand: (id: PaperId | undefined) => void;
  onEdit: (id: PaperId, edit: PaperEdit) => Promise<boolean>;
  onFilter: (term: QueryTerm) => void;
  tagCounts: readonly TagCount[] | undefined;
  /** Tallest the scrolling area gets (larger when the library is open in a tab). */
  viewportMax?: number;
  theme: Theme;
}) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [expandedHeight, setExpandedHeight] = useState(ROW_HEIGHT);
  const expanded: ExpandedRow | undefined = expandedId && expandedIndex >= 0 ? { index: expandedIndex, height: expandedHeight } : undefined;
  const layout = { rowHeight: ROW_HEIGHT, expanded };
  const fullHeight = listHeight(total, layout);
  const viewportHeight = Math.min(fullHeight, viewportMax);
  const range = rowsInView({ scrollTop, viewportHeight, rowHeight: ROW_HEIGHT, total, overscan: OVERSCAN, expanded });

  useEffect(() => {
    if (viewport.current) viewport.current.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);

  useEffect(() => {
    onShow(range);
  }, [range.start, range.end, onShow]);

  // An opened row scrolls to the top of the list, so that its details are in view.
  const expand = useCallback(
    (id: PaperId | undefined) => {
      onExpand(id);
      setExpandedHeight(ROW_HEIGHT);
    },
    [onExpand],
  );
  useEffect(() => {
    if (!expandedId || expandedIndex < 0 || !viewport.current) return;
    const top = expandedIndex * ROW_HEIGHT;
    if (viewport.current.scrollTop > top || viewport.current.scrollTop + viewportHeight < top + ROW_HEIGHT * 2) {
      viewport.current.scrollTop = top;
      setScrollTop(top);
    }
  }, [expandedId]);

  // Keyboard users keep their place: when the row whose Remove they pressed goes away, focus moves to the
  // row that took its place; when the removal failed, back to its button (it was disabled meanwhile).
  const removed = useRef<{ id: PaperId; index: number } | undefined>(undefined);
  useEffect(() => {
    const pending = removed.current;
    if (!pending || !viewport.current) return;
    const rows = [...viewport.current.querySelectorAll<HTMLElement>('[data-paperlight-saved-item]')];
    if (rows.some((row) => row.dataset.paperlightId === pending.id)) return; // the list has not refreshed yet
    removed.current = undefined;
    const next = rows.find((row) => row.getAttribute('aria-posinset') === String(Math.min(pending.index, total - 1) + 1));
    if (focusIsLost()) next?.querySelector<HTMLElement>('button.remove')?.focus();
  });
  const removeRow = useCallback(
    async (id: PaperId, index: number, button: HTMLElement) => {
      if (await onRemove(id)) removed.current = { id, index };
      else if (focusIsLost()) button.focus();
    },
    [onRemove],
  );

  // The same object from render to render, so that rows already shown are not rendered again.
  const actions: RowActions = useMemo(
    () => ({ onRemove: removeRow, onExpand: expand, onEdit, onFilter, onMeasure: setExpandedHeight }),
    [removeRow, expand, onEdit, onFilter],
  );
  const rows = [];
  for (let index = range.start; index < range.end; index++) {
    const paper = paperAt(index);
    const top = rowTop(index, layout);
    rows.push(
      paper ? (
        <SavedPaperRow
          key={paper.id}
          paper={paper}
          index={index}
          total={total}
          top={top}
          removing={removing.has(paper.id)}
          expanded={paper.id === expandedId}
          tagCounts={tagCounts}
          actions={actions}
          theme={theme}
        />
      ) : (
        <PendingRow key={`pending-${index}`} top={top} />
      ),
    );
  }

  return (
    <div
      ref={viewport}
      class="list-viewport"
      style={{ height: `${viewportHeight}px` }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <ul class="saved-list" aria-label="Saved papers" style={{ height: `${fullHeight}px` }}>
        {rows}
      </ul>
    </div>
  );
}

/** Focus went nowhere (the focused button was disabled or removed): we may move it without surprising anyone. */
function focusIsLost(): boolean {
  const focused = document.activeElement;
  return !focused || focused === document.body || !focused.isConnected;
}

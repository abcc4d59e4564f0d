import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PaperId, SavedPaper } from '../../lib/paper';
import { PendingRow, SavedPaperRow } from './SavedPaperRow';
import type { Theme } from './use-preferred-theme';
import { rowsInView, type RowRange } from './virtual-window';

/** Fixed row height (px): the list is virtualised by arithmetic, without measuring rows. Matches popup.css. */
export const ROW_HEIGHT = 56;
/** Height of the scrolling area once the list is longer (6 rows): with the header the popup stays under the 600 px browsers allow. */
export const LIST_HEIGHT = 336;
/** Rows rendered beyond each edge of the view, so a quick scroll shows rows rather than blanks. */
export const OVERSCAN = 6;

/**
 * The saved list, virtualised: only the rows in view (and a few either side) exist in the DOM, so 10,000
 * saved papers cost what a screenful does. Rows come from `paperAt`; `onShow` asks for the pages in view.
 */
export function SavedPaperList({
  total,
  resetKey,
  paperAt,
  onShow,
  removing,
  onRemove,
  theme,
}: {
  total: number;
  /** Changing it (a new search) scrolls back to the top. */
  resetKey: string;
  paperAt: (index: number) => SavedPaper | undefined;
  onShow: (range: RowRange) => void;
  removing: ReadonlySet<PaperId>;
  /** Resolves whether the paper was removed. */
  onRemove: (id: PaperId) => Promise<boolean>;
  theme: Theme;
}) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const viewportHeight = Math.min(total * ROW_HEIGHT, LIST_HEIGHT);
  const range = rowsInView({ scrollTop, viewportHeight, rowHeight: ROW_HEIGHT, total, overscan: OVERSCAN });

  useEffect(() => {
    if (viewport.current) viewport.current.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);

  useEffect(() => {
    onShow(range);
  }, [range.start, range.end, onShow]);

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

  const rows = [];
  for (let index = range.start; index < range.end; index++) {
    const paper = paperAt(index);
    const top = index * ROW_HEIGHT;
    rows.push(
      paper ? (
        <SavedPaperRow
          key={paper.id}
          paper={paper}
          index={index}
          total={total}
          top={top}
          removing={removing.has(paper.id)}
          onRemove={removeRow}
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
      <ul class="saved-list" aria-label="Saved papers, newest first" style={{ height: `${total * ROW_HEIGHT}px` }}>
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

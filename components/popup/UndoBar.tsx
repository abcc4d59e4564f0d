import type { LibraryPaper } from '../../lib/messaging/requests/library';

/** "Removed “…”. Undo" for a few seconds after a removal (the model drops it when the time is up). */
export function UndoBar({ paper, onUndo }: { paper: LibraryPaper | undefined; onUndo: () => void }) {
  if (!paper) return null;
  return (
    <div class="undo-bar" role="status" data-paperlight-undo={paper.id}>
      <span class="undo-text">
        Removed “{paper.title}”.
      </span>
      <button type="button" data-paperlight-action="undo-remove" onClick={onUndo}>
        Undo
      </button>
    </div>
  );
}

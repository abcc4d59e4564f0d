/**
 * One paper's highlights in the popup (issue 5; the library popup of issue 6 embeds it under each paper):
 * colour, quote, note, where it is (title or abstract), edit (colour and note) and delete (asked twice).
 * A highlight the page in the active tab shows the paper but could not place is marked "not found on this
 * page": it is kept, never dropped.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { installHighlightListStylesheet } from '../highlights/styles';
import { COLOR_LABELS, HIGHLIGHT_COLORS, paintableColor } from '../../lib/highlights/colors';
import type { StoredHighlight } from '../../lib/db/schema';
import type { PaperPageStatus } from '../../lib/messaging/requests/highlights';
import type { PaperId } from '../../lib/paper';
import { usePageStatus } from './highlights/page-status';
import { usePaperHighlights, type MessagingDeps } from './highlights/use-paper-highlights';

export interface PaperHighlightsProps extends MessagingDeps {
  paperId: PaperId;
  /** For labels ("Highlights of …"). */
  title?: string;
  /**
   * What the active tab could place of this paper's highlights. Undefined: asked here (one message to the
   * active tab); null: do not ask (no tab, or the parent knows the page does not show the paper).
   */
  pageStatus?: PaperPageStatus | null;
  /** Shown when the paper has no highlights (nothing by default). */
  emptyText?: string;
}

export function PaperHighlights({ paperId, title, pageStatus, emptyText, request, onBroadcast }: PaperHighlightsProps) {
  useEffect(() => installHighlightListStylesheet(document), []);
  const { highlights, error, update, remove } = usePaperHighlights(paperId, { request, onBroadcast });
  const asked = usePageStatus(pageStatus === undefined ? [paperId] : []);
  const status = pageStatus === undefined ? asked?.papers[paperId] : (pageStatus ?? undefined);
  const notFound = new Set(status?.notFound ?? []);
  const notShown = new Set(status?.fieldNotShown ?? []);

  if (!highlights) {
    return (
      <p class="pl-hl-loading" role="status">
        Loading highlights…
      </p>
    );
  }
  return (
    <div class="pl-hl-paper" data-paperlight-paper-highlights={paperId}>
      {error && (
        <p class="pl-hl-error" role="alert">
          Could not load the highlights: {error}
        </p>
      )}
      {highlights.length === 0 && !error && emptyText && <p class="pl-hl-empty">{emptyText}</p>}
      {highlights.length > 0 && (
        <ul class="pl-hl-list" aria-label={title ? `Highlights of “${title}”` : 'Highlights'}>
          {highlights.map((highlight) => (
            <HighlightItem
              key={highlight.id}
              highlight={highlight}
              placement={notFound.has(highlight.id) ? 'not-found' : notShown.has(highlight.id) ? 'field-not-shown' : undefined}
              onUpdate={(changes) => update(highlight.id, changes)}
              onRemove={() => remove(highlight.id)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

type Outcome = Promise<{ ok: true } | { ok: false; error: string }>;

function HighlightItem({
  highlight,
  placement,
  onUpdate,
  onRemove,
}: {
  highlight: StoredHighlight;
  /** What the active tab did with it, when that tab shows the paper. */
  placement?: 'not-found' | 'field-not-shown';
  onUpdate: (changes: { color?: string; note?: string }) => Outcome;
  onRemove: () => Outcome;
}) {
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>('view');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const color = paintableColor(highlight.color);

  const run = async (action: () => Outcome, after: 'view' | 'keep') => {
    setBusy(true);
    setError(undefined);
    const reply = await action();
    setBusy(false);
    if (!reply.ok) setError(reply.error);
    else if (after === 'view') setMode('view');
  };

  return (
    <li class="pl-hl-item" data-paperlight-highlight-item={highlight.id} data-color={color} data-not-found={placement === 'not-found' ? '' : undefined}>
      <blockquote class="pl-hl-quote" data-color={color}>
        {highlight.quote.exact}
      </blockquote>
      <div class="pl-hl-meta">
        <span class="pl-hl-dot" data-color={color} role="img" aria-label={COLOR_LABELS[color]} />
        <span>{highlight.field === 'title' ? 'Title' : 'Abstract'}</span>
        {placement === 'not-found' && (
          <span class="pl-hl-missing" data-paperlight-not-found="" title="This page shows the paper, but its text has changed: the highlight is kept.">
            not found on this page
          </span>
        )}
        {placement === 'field-not-shown' && (
          <span class="pl-hl-elsewhere">{highlight.field === 'title' ? 'title' : 'abstract'} not shown on this page</span>
        )}
        {mode === 'view' && (
          <span class="pl-hl-actions">
            <button type="button" data-paperlight-action="edit-highlight" onClick={() => setMode('edit')}>
              Edit
            </button>
            <button type="button" data-paperlight-action="delete-highlight" onClick={() => setMode('confirm-delete')}>
              Delete
            </button>
          </span>
        )}
      </div>
      {mode === 'view' && highlight.note && <p class="pl-hl-note-text">{highlight.note}</p>}
      {mode === 'edit' && (
        <EditForm highlight={highlight} busy={busy} onCancel={() => setMode('view')} onSave={(changes) => void run(() => onUpdate(changes), 'view')} />
      )}
      {mode === 'confirm-delete' && (
        <div class="pl-hl-edit" role="group" aria-label="Delete this highlight?">
          <p class="pl-hl-note-text">Delete this highlight{highlight.note ? ' and its note' : ''}?</p>
          <span class="pl-hl-actions">
            <button type="button" data-paperlight-action="confirm-delete" disabled={busy} onClick={() => void run(onRemove, 'keep')}>
              {busy ? 'Deleting…' : 'Delete'}
            </button>
            <ConfirmCancel onCancel={() => setMode('view')} disabled={busy} />
          </span>
        </div>
      )}
      {error && (
        <p class="pl-hl-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** "Keep" gets the focus, so that Enter right after "Delete" keeps the highlight. */
function ConfirmCancel({ onCancel, disabled }: { onCancel: () => void; disabled: boolean }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <button type="button" ref={ref} data-paperlight-action="cancel-delete" disabled={disabled} onClick={onCancel}>
      Keep
    </button>
  );
}

function EditForm({
  highlight,
  busy,
  onSave,
  onCancel,
}: {
  highlight: StoredHighlight;
  busy: boolean;
  onSave: (changes: { color?: string; note?: string }) => void;
  onCancel: () => void;
}) {
  const [color, setColor] = useState(paintableColor(highlight.color));
  const formRef = useRef<HTMLFormElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => noteRef.current?.focus(), []);
  const save = () => {
    // Read from the form itself: a click on a colour then Enter may come before the re-render.
    const checked = formRef.current?.querySelector<HTMLInputElement>('input[type=radio]:checked');
    const chosen = checked?.value ?? color;
    const note = noteRef.current?.value ?? highlight.note;
    const changes: { color?: string; note?: string } = {};
    if (chosen !== highlight.color) changes.color = chosen;
    if (note !== highlight.note) changes.note = note;
    if (changes.color === undefined && changes.note === undefined) onCancel();
    else onSave(changes);
  };
  return (
    <form
      ref={formRef}
      class="pl-hl-edit"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <fieldset>
        <legend>Colour</legend>
        {HIGHLIGHT_COLORS.map((name) => (
          <label key={name}>
            <input type="radio" name={`color-${highlight.id}`} value={name} checked={name === color} onChange={() => setColor(name)} />
            <span class="pl-hl-dot" data-color={name} aria-hidden="true" />
            {COLOR_LABELS[name]}
          </label>
        ))}
      </fieldset>
      <label>
        Note
        <textarea ref={noteRef} data-paperlight-field="note" maxLength={10_000} defaultValue={highlight.note} />
      </label>
      <span class="pl-hl-actions">
        <button type="submit" data-paperlight-action="save-highlight" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </span>
    </form>
  );
}

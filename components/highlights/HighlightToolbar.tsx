/**
 * The toolbar shown near a text selection in a paper's title or abstract (mode "create"), or near a highlight
 * the reader clicked (mode "edit"). One button per colour (`data-paperlight-action="highlight"`, `data-color`),
 * a note field, and in edit mode a delete button. Keyboard: Tab moves through it, ←/→ between colours, Enter in
 * the note field highlights (or saves the note), Escape closes it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { COLOR_LABELS, DEFAULT_HIGHLIGHT_COLOR, HIGHLIGHT_COLORS, type HighlightColor } from '../../lib/highlights/colors';

export interface HighlightToolbarProps {
  mode: 'create' | 'edit';
  /** Edit mode: the highlight's colour (shown pressed). */
  color?: string;
  /** Edit mode: the highlight's note. */
  note?: string;
  /** A request is on its way: buttons wait. */
  busy?: boolean;
  /** The last request failed: why (shown, the toolbar stays). */
  error?: string;
  /** Create: highlight in this colour with this note. Edit: recolour (and keep the note as typed). */
  onColor(color: HighlightColor, note: string): void;
  /** Edit mode: save the note as typed. */
  onSaveNote?(note: string): void;
  onDelete?(): void;
  onDismiss(): void;
}

export function HighlightToolbar({ mode, color, note = '', busy = false, error, onColor, onSaveNote, onDelete, onDismiss }: HighlightToolbarProps) {
  const [draft, setDraft] = useState(note);
  const colorsRef = useRef<HTMLDivElement>(null);
  const noteRef = useRef<HTMLInputElement>(null);
  useEffect(() => setDraft(note), [note]);
  // The field itself, not the last render's state: Enter right after typing must not lose the last keys.
  const typedNote = () => noteRef.current?.value ?? draft;

  const editing = mode === 'edit';
  const submitNote = () => {
    if (busy) return;
    if (editing) onSaveNote?.(typedNote());
    else onColor(DEFAULT_HIGHLIGHT_COLOR, typedNote());
  };
  const moveBetweenColors = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const buttons = [...(colorsRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    const next = buttons[(at + (event.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length];
    next?.focus();
  };

  return (
    <div
      class="pl-hl-toolbar"
      role="toolbar"
      aria-label={editing ? 'Edit highlight' : 'Highlight the selected text'}
      aria-busy={busy ? 'true' : undefined}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onDismiss();
        }
      }}
    >
      <div class="pl-hl-row" ref={colorsRef} onKeyDown={moveBetweenColors}>
        {HIGHLIGHT_COLORS.map((name) => (
          <button
            key={name}
            type="button"
            class="pl-hl-color"
            data-paperlight-action="highlight"
            data-color={name}
            disabled={busy}
            aria-pressed={editing ? (name === color ? 'true' : 'false') : undefined}
            aria-label={editing ? `${COLOR_LABELS[name]}` : `Highlight in ${COLOR_LABELS[name].toLowerCase()}`}
            title={editing ? `Make it ${COLOR_LABELS[name].toLowerCase()}` : `Highlight in ${COLOR_LABELS[name].toLowerCase()}`}
            // Keep the page's selection (and focus) where it is when the button is pressed with the mouse.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              if (!busy) onColor(name, typedNote());
            }}
          >
            <span class="pl-hl-swatch" data-color={name} aria-hidden="true" />
          </button>
        ))}
        {editing && (
          <button
            type="button"
            class="pl-hl-button"
            data-paperlight-action="delete-highlight"
            disabled={busy}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              if (!busy) onDelete?.();
            }}
          >
            Delete
          </button>
        )}
      </div>
      <div class="pl-hl-row">
        <input
          ref={noteRef}
          class="pl-hl-note"
          type="text"
          data-paperlight-field="note"
          aria-label={editing ? 'Note (Enter saves)' : 'Note (optional; Enter highlights in yellow)'}
          placeholder={editing ? 'Note' : 'Add a note (optional)'}
          maxLength={10_000}
          value={draft}
          onInput={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              submitNote();
            }
          }}
        />
        {editing && (
          <button type="button" class="pl-hl-button" data-paperlight-action="save-note" disabled={busy || draft === note} onClick={submitNote}>
            Save
          </button>
        )}
      </div>
      {error && (
        <p class="pl-hl-error" role="alert">
          {error}
        </p>
      )}
      <p class="pl-hl-sr" role="status">
        {busy ? 'Saving…' : editing ? 'Highlight selected. Escape closes.' : 'Highlight toolbar: press Tab to choose a colour, Escape to close.'}
      </p>
    </div>
  );
}

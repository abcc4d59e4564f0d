import type { SaveToggleProps } from './types';

/**
 * One-click save: a toggle button (aria-pressed = in the library). While a request runs it shows
 * "Saving…"/"Removing…" and ignores clicks; a failure shows as failed, with the reason on hover, and
 * keeps aria-pressed at what is really stored (a failed save is never shown as saved). Clicking a failed
 * toggle tries the same change again.
 */
export function SaveToggle({ state, title, onToggle }: SaveToggleProps) {
  const { status, saved } = state;
  const text =
    status === 'pending'
      ? saved ? 'Removing…' : 'Saving…'
      : status === 'error'
        ? saved ? 'Remove failed' : 'Save failed'
        : saved ? 'Saved' : 'Save';
  const hover =
    status === 'error'
      ? `${state.error ?? 'Something went wrong.'} Click to try again.`
      : saved
        ? 'Saved in your Paperlight library. Click to remove it.'
        : 'Save to your Paperlight library.';
  return (
    <button
      type="button"
      class="pl-button pl-save"
      data-paperlight-action="save"
      data-state={status}
      aria-pressed={saved ? 'true' : 'false'}
      aria-busy={status === 'pending' ? 'true' : undefined}
      // Starts with the visible text (WCAG "label in name"), then says which paper.
      aria-label={`${text} “${title}”`}
      title={hover}
      onClick={(event) => {
        event.preventDefault();
        if (status !== 'pending') onToggle();
      }}
    >
      <span class="pl-save-icon" aria-hidden="true">
        {saved ? '★' : '☆'}
      </span>
      {text}
    </button>
  );
}

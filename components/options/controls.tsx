import type { ComponentChildren } from 'preact';

/** One option that is on or off. `hook` names the test hook attribute (data-paperlight-…). */
export function CheckboxRow({ checked, onChange, hook, children }: { checked: boolean; onChange(checked: boolean): void; hook: string; children: ComponentChildren }) {
  return (
    <div class="opt-row">
      <label>
        <input type="checkbox" {...{ [`data-paperlight-${hook}`]: '' }} checked={checked} onChange={(event) => onChange(event.currentTarget.checked)} />{' '}
        {children}
      </label>
    </div>
  );
}

/** Why saving a setting failed, said at once to screen readers; nothing when it did not. */
export function SaveError({ error }: { error: string | undefined }) {
  if (!error) return null;
  return (
    <p class="opt-error" role="alert">
      {error}
    </p>
  );
}

export function Loading() {
  return <p class="opt-hint">Loading…</p>;
}

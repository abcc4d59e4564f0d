import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SEEN_BUCKETS, seenKey } from '../../lib/content/features/seen/seen-store';
import { readingSetting } from '../../lib/settings/reading';
import { CheckboxRow, Loading } from './controls';
import './options.css';
import { useSetting } from './use-setting';

/** "Dim what I have already seen" (issue 6): off by default; nothing is recorded while it is off. */
export function ReadingSection() {
  const { value: settings, save } = useSetting(readingSetting);
  const [message, setMessage] = useState<{ text: string; ok: boolean }>();
  if (!settings) return <Loading />;

  const forget = async () => {
    try {
      await browser.storage.local.remove(Array.from({ length: SEEN_BUCKETS }, (_, bucket) => seenKey(bucket)));
      setMessage({ text: 'Forgotten: every entry counts as new again.', ok: true });
    } catch (error) {
      setMessage({ text: `Could not forget them: ${error instanceof Error ? error.message : String(error)}`, ok: false });
    }
  };

  return (
    <div data-paperlight-options="reading">
      <CheckboxRow
        hook="dim-seen"
        checked={settings.dimSeen}
        onChange={async (dimSeen) => {
          const error = await save({ ...settings, dimSeen });
          setMessage(error ? { text: error, ok: false } : undefined);
        }}
      >
        Dim entries I have already seen on an earlier visit
      </CheckboxRow>
      <p class="opt-hint">
        An entry counts as seen once its title has stayed on screen for a second, or when you reach it with the keyboard. Seen
        papers are remembered in this browser only (the last 40,000 or so).
      </p>
      <div class="opt-row">
        <button type="button" class="opt-button" onClick={() => void forget()}>
          Forget what I have seen
        </button>
      </div>
      {message && (
        <p class={message.ok ? 'opt-ok' : 'opt-error'} role="status">
          {message.text}
        </p>
      )}
    </div>
  );
}

import { useState } from 'preact/hooks';
import {
  DEFAULT_KEYBOARD_SETTINGS,
  KEY_ACTION_LABELS,
  KEY_ACTIONS,
  keyboardSetting,
  keyProblem,
  type KeyAction,
  type KeyboardSettings,
} from '../../lib/settings/keyboard';
import { CheckboxRow, Loading, SaveError } from './controls';
import './options.css';
import { useSetting } from './use-setting';

/**
 * Keyboard triage keys (issue 6). A key is one character (so "J" is Shift+J); an empty field leaves the action
 * without a key. A clash or a blank key is refused with the reason, and the stored keys stay as they were.
 */
export function KeyboardSection() {
  const { value: settings, save } = useSetting(keyboardSetting);
  const [drafts, setDrafts] = useState<Partial<Record<KeyAction, string>>>({});
  const [error, setError] = useState<string>();
  if (!settings) return <Loading />;

  const store = async (next: KeyboardSettings) => setError(await save(next));
  const problems = Object.fromEntries(
    KEY_ACTIONS.map((action) => {
      const draft = drafts[action];
      return [action, draft === undefined ? undefined : keyProblem(draft, action, settings.keys)];
    }),
  ) as Record<KeyAction, string | undefined>;

  const edit = (action: KeyAction, key: string) => {
    setDrafts({ ...drafts, [action]: key });
    if (keyProblem(key, action, settings.keys) === undefined) void store({ ...settings, keys: { ...settings.keys, [action]: key } });
  };

  return (
    <div data-paperlight-options="keyboard">
      <p class="opt-hint">
        On listings, move through the entries and triage them without the mouse. Keys do nothing while you type in a field, or
        with Ctrl, Alt or ⌘.
      </p>
      <CheckboxRow hook="keyboard-enabled" checked={settings.enabled} onChange={(enabled) => void store({ ...settings, enabled })}>
        Use keyboard triage on listings
      </CheckboxRow>
      <table class="opt-keys">
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Key</th>
            <th scope="col">
              <span class="pl-visually-hidden">Problem</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {KEY_ACTIONS.map((action) => (
            <tr key={action}>
              <th scope="row">
                <label for={`pl-key-${action}`}>{KEY_ACTION_LABELS[action]}</label>
              </th>
              <td class="opt-row">
                <input
                  id={`pl-key-${action}`}
                  type="text"
                  data-paperlight-key={action}
                  value={drafts[action] ?? settings.keys[action]}
                  maxLength={2}
                  autocomplete="off"
                  spellcheck={false}
                  disabled={!settings.enabled}
                  aria-invalid={problems[action] ? 'true' : 'false'}
                  aria-describedby={`pl-key-problem-${action}`}
                  onInput={(event) => edit(action, event.currentTarget.value)}
                />
              </td>
              <td>
                <span class="opt-error" id={`pl-key-problem-${action}`} role="status">
                  {problems[action] ?? ''}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="opt-row">
        <button
          type="button"
          class="opt-button"
          onClick={() => {
            setDrafts({});
            void store({ ...DEFAULT_KEYBOARD_SETTINGS, keys: { ...DEFAULT_KEYBOARD_SETTINGS.keys } });
          }}
        >
          Reset to j, k, s, r, o, t
        </button>
      </div>
      <SaveError error={error} />
    </div>
  );
}

import { defineSetting } from './store';

/**
 * Keyboard triage on listings (lib/content/features/keyboard): one key per action, all configurable on the
 * options page. Keys are `KeyboardEvent.key` values of one character, so "J" means Shift+J; an empty key
 * leaves the action without a key.
 */
export const KEY_ACTIONS = ['next', 'previous', 'save', 'markRead', 'open', 'tag'] as const;
export type KeyAction = (typeof KEY_ACTIONS)[number];

export interface KeyboardSettings {
  enabled: boolean;
  keys: Record<KeyAction, string>;
}

export const DEFAULT_KEYS: Readonly<Record<KeyAction, string>> = {
  next: 'j',
  previous: 'k',
  save: 's',
  markRead: 'r',
  open: 'o',
  tag: 't',
};

export const DEFAULT_KEYBOARD_SETTINGS: KeyboardSettings = { enabled: true, keys: { ...DEFAULT_KEYS } };

export const KEY_ACTION_LABELS: Record<KeyAction, string> = {
  next: 'Next entry',
  previous: 'Previous entry',
  save: 'Save or unsave',
  markRead: 'Mark read or unread',
  open: 'Open the paper in a new tab',
  tag: 'Add a tag',
};

/** Why `key` cannot be used for `action` (given the other keys), or undefined when it can. */
export function keyProblem(key: string, action: KeyAction, keys: Record<KeyAction, string>): string | undefined {
  if (key === '') return undefined;
  if ([...key].length !== 1) return 'Use a single character, such as j.';
  if (/\s/u.test(key)) return 'Space and other blank keys scroll the page or press buttons; choose a letter or a sign.';
  const clash = KEY_ACTIONS.find((other) => other !== action && keys[other] === key);
  if (clash) return `“${key}” is already the key for “${KEY_ACTION_LABELS[clash]}”.`;
  return undefined;
}

/** Stored or imported keyboard settings: a bad or clashing key is left unbound, every valid one kept. */
export function parseKeyboardSettings(raw: unknown): KeyboardSettings | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { enabled, keys } = raw as { enabled?: unknown; keys?: unknown };
  const stored = typeof keys === 'object' && keys !== null ? (keys as Record<string, unknown>) : {};
  const result: Record<KeyAction, string> = { next: '', previous: '', save: '', markRead: '', open: '', tag: '' };
  for (const action of KEY_ACTIONS) {
    const key = stored[action] === undefined ? DEFAULT_KEYS[action] : stored[action];
    if (typeof key === 'string' && keyProblem(key, action, result) === undefined) result[action] = key;
  }
  return { enabled: enabled !== false, keys: result };
}

export const keyboardSetting = defineSetting<KeyboardSettings>('keyboard', DEFAULT_KEYBOARD_SETTINGS, parseKeyboardSettings);

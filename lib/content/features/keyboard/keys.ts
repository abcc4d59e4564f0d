/**
 * Which keyboard event is a triage key. Keys are ours only when the reader is not typing (an input, a text
 * area, a select, an editable region, also inside a shadow root such as our tag prompt or the highlight
 * toolbar) and presses no Ctrl/Alt/Meta: browser and site shortcuts keep working.
 */
import type { KeyAction, KeyboardSettings } from '../../../settings/keyboard';
import { KEY_ACTIONS } from '../../../settings/keyboard';

/** Input types that take no typing: a letter pressed there is free for us. */
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'image', 'radio', 'range', 'reset', 'submit']);
const TEXT_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton']);

/** Is the key meant for what the reader is typing into? */
export function isTyping(event: Event): boolean {
  const path = typeof event.composedPath === 'function' ? event.composedPath() : [];
  const target = (path[0] ?? event.target) as Element | null;
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NON_TEXT_INPUTS.has(((target as HTMLInputElement).type || 'text').toLowerCase());
  if ((target as HTMLElement).isContentEditable) return true;
  // isContentEditable is missing in some DOMs (tests) and on non-HTML elements: check the attribute too.
  if (target.closest('[contenteditable]:not([contenteditable="false"])')) return true;
  const role = target.getAttribute('role');
  return role !== null && TEXT_ROLES.has(role);
}

/** The triage action this key press asks for, or undefined when the press is not ours. */
export function actionFor(event: KeyboardEvent, settings: KeyboardSettings): KeyAction | undefined {
  if (!settings.enabled || event.defaultPrevented || event.isComposing) return undefined;
  if (event.ctrlKey || event.altKey || event.metaKey) return undefined;
  if (event.key.length === 0 || isTyping(event)) return undefined;
  return KEY_ACTIONS.find((action) => settings.keys[action] !== '' && settings.keys[action] === event.key);
}

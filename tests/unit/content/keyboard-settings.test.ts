import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYS, keyProblem, parseKeyboardSettings } from '../../../lib/settings/keyboard';

describe('keyboard settings', () => {
  it.each([
    ['n', undefined],
    ['J', undefined], // Shift+J
    ['', undefined], // no key for this action
    ['jj', /single character/],
    [' ', /blank keys/],
    ['k', /already the key for “Previous entry”/],
  ])('key %j for "next"', (key, expected) => {
    const problem = keyProblem(key, 'next', { ...DEFAULT_KEYS });
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(expected);
  });

  it('keeps every valid key of stored settings and unbinds a clashing or broken one', () => {
    expect(parseKeyboardSettings({ enabled: false, keys: { next: 'n', previous: 'n', save: 42, tag: '' } })).toEqual({
      enabled: false,
      keys: { next: 'n', previous: '', save: '', markRead: 'r', open: 'o', tag: '' },
    });
    expect(parseKeyboardSettings({})).toEqual({ enabled: true, keys: { ...DEFAULT_KEYS } });
    expect(parseKeyboardSettings('j')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { describeRule, MAX_RULES, newRuleId, parseWatchSettings } from '../../../lib/watch/rules';

describe('stored watch settings', () => {
  it('reads valid settings as they are', () => {
    const settings = {
      rules: [
        { id: 'a', kind: 'keyword', value: 'diffusion', enabled: true },
        { id: 'b', kind: 'regex', value: '(?=broken', enabled: false },
      ],
      dimOthers: true,
    };
    expect(parseWatchSettings(settings)).toEqual(settings);
  });

  it('keeps every readable rule of a damaged value, and leaves out only what cannot be read', () => {
    const parsed = parseWatchSettings({
      rules: [
        { id: 'a', kind: 'keyword', value: '  diffusion  ' },
        { id: 'b', kind: 'colour', value: 'red' },
        { id: 'c', kind: 'author', value: '' },
        { id: 'a', kind: 'author', value: 'duplicate id' },
        'not a rule',
        { id: 'd', kind: 'regex', value: '(unclosed', enabled: true },
      ],
      dimOthers: 'yes',
    });
    expect(parsed).toEqual({
      rules: [
        { id: 'a', kind: 'keyword', value: 'diffusion', enabled: true },
        { id: 'd', kind: 'regex', value: '(unclosed', enabled: true },
      ],
      dimOthers: false,
    });
  });

  it.each([undefined, null, 'rules', { rules: 'x' }, []])('refuses %j', (raw) => {
    expect(parseWatchSettings(raw)).toBeUndefined();
  });

  it('keeps at most MAX_RULES rules', () => {
    const rules = Array.from({ length: MAX_RULES + 5 }, (_, i) => ({ id: `r${i}`, kind: 'keyword', value: `w${i}` }));
    expect(parseWatchSettings({ rules })?.rules).toHaveLength(MAX_RULES);
  });

  it('makes distinct ids and readable descriptions', () => {
    const ids = new Set(Array.from({ length: 20_000 }, () => newRuleId()));
    expect(ids.size).toBe(20_000);
    expect(describeRule({ kind: 'regex', value: '\\bLLM\\b' })).toBe('regex /\\bLLM\\b/');
    expect(describeRule({ kind: 'author', value: 'Yann LeCun' })).toBe('author “Yann LeCun”');
  });
});

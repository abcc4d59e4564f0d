import { describe, expect, it } from 'vitest';
import { compileWatchRegex, MAX_WATCH_TEXT } from '../../../lib/watch/regex';

function message(pattern: string): string {
  const compiled = compileWatchRegex(pattern);
  if (compiled.ok) throw new Error(`${pattern} compiled`);
  return compiled.message;
}

describe('regular-expression rules', () => {
  it.each([
    ['\\bLLMs?\\b', 'Most LLMs fail', 'LLMs'],
    ['diffusion\\s+models?', 'Latent DIFFUSION   models work', 'DIFFUSION models'],
    ['(?:reward|preference) model', 'a preference model', 'preference model'],
    ['(?-i)RL', 'we use rl and RL', 'RL'],
    ['\\x{e9}t\\x{e9}', 'un été chaud', 'été'],
    ['gpt-?4', 'GPT4 and gpt-4', 'GPT4'],
  ])('/%s/ finds the first match in %j', (pattern, text, expected) => {
    const compiled = compileWatchRegex(pattern);
    expect(compiled.ok).toBe(true);
    if (compiled.ok) expect(compiled.regex.firstMatch(text)).toBe(expected);
  });

  it('returns undefined when nothing matches', () => {
    const compiled = compileWatchRegex('quantum');
    expect(compiled.ok && compiled.regex.firstMatch('classical text')).toBeUndefined();
  });

  it.each([
    ['(ab', /not a valid regular expression: missing closing \)/],
    ['[a-', /not a valid regular expression: missing closing \]/],
    ['a**', /not a valid regular expression: invalid nested repetition/],
    ['*a', /not a valid regular expression: missing argument to repetition operator/],
    ['foo(?=bar)', /Look-ahead and look-behind/],
    ['(?<!x)y', /Look-ahead and look-behind/],
    ['(a)\\1', /Back-references/],
    ['\\u00e9', /\\x\{263a\}/],
    ['(a{999}){999}', /repeats too much/],
    ['a*', /matches an empty text/],
    ['(foo)?', /matches an empty text/],
    ['', /Type a regular expression/],
    ['x'.repeat(301), /too long \(301 characters; at most 300\)/],
  ])('refuses %j with a clear message', (pattern, expected) => {
    expect(message(pattern)).toMatch(expected);
  });

  it('takes linear time on expressions that make a backtracking engine explode', () => {
    const text = `${'a'.repeat(MAX_WATCH_TEXT - 1)}!`;
    for (const pattern of ['(a|a)*b', '(a+)+b', '(a|aa)+c', '.*a.*a.*a.*b', '(\\w+\\s?)+z']) {
      const compiled = compileWatchRegex(pattern);
      expect(compiled.ok).toBe(true);
      if (!compiled.ok) continue;
      const started = performance.now();
      expect(compiled.regex.firstMatch(text)).toBeUndefined();
      // Native RegExp needs longer than the age of the universe for (a|a)*b on this text.
      expect(performance.now() - started).toBeLessThan(500);
    }
  });

  it('looks at no more than MAX_WATCH_TEXT characters of a huge text', () => {
    const compiled = compileWatchRegex('needle');
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    const huge = `${'x'.repeat(MAX_WATCH_TEXT)} needle ${'y'.repeat(5_000_000)}`;
    const started = performance.now();
    expect(compiled.regex.firstMatch(huge)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(500);
    expect(compiled.regex.firstMatch(`needle ${'y'.repeat(100)}`)).toBe('needle');
  });

  it('shortens a long matched text for the reason', () => {
    const compiled = compileWatchRegex('a+');
    expect(compiled.ok && compiled.regex.firstMatch('a'.repeat(500))).toBe(`${'a'.repeat(59)}…`);
  });
});

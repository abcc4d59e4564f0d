/**
 * Regular-expression watch rules, run by RE2JS (a port of RE2) instead of the browser's RegExp.
 *
 * Why: the browser's engine backtracks, so an innocent-looking rule such as `(a|a)*b` or `.*x.*y.*z` can
 * take exponential or high-polynomial time on one abstract, and the content script runs it on every entry
 * of a 2,000-entry listing in the page's main thread: one bad rule would freeze the page. RE2 guarantees
 * time linear in the text, for every expression it accepts; it refuses the features that need
 * backtracking (look-arounds, back-references), and we say so in the message.
 *
 * The text is also capped (MAX_WATCH_TEXT), so the work per entry is bounded whatever the page holds.
 */
import { RE2JS } from 're2js';
import { MAX_RULE_LENGTH } from './rules';

/** Characters of an entry's text a rule looks at: a long abstract is a few thousand. */
export const MAX_WATCH_TEXT = 20_000;
/** Longest matched text kept for the reason shown on the entry. */
const MAX_QUOTE = 60;

export interface WatchRegex {
  /** The matched text (shortened), or undefined when the text does not match. */
  firstMatch(text: string): string | undefined;
}

export type CompiledRegex = { ok: true; regex: WatchRegex } | { ok: false; message: string };

/**
 * Compile a user's expression (case-insensitive; `(?-i)` turns that off). Never throws: an expression that
 * cannot be used comes back with a message a person can act on.
 */
export function compileWatchRegex(pattern: string): CompiledRegex {
  if (pattern.trim().length === 0) return { ok: false, message: 'Type a regular expression.' };
  if (pattern.length > MAX_RULE_LENGTH) {
    return { ok: false, message: `This expression is too long (${pattern.length} characters; at most ${MAX_RULE_LENGTH}).` };
  }
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    return { ok: false, message: explainSyntaxError(pattern, error) };
  }
  if (compiled.test('')) {
    return {
      ok: false,
      message: 'This expression also matches an empty text, so it would mark every paper. Make it require at least one character (use + instead of *).',
    };
  }
  return {
    ok: true,
    regex: {
      firstMatch(text) {
        const input = text.length > MAX_WATCH_TEXT ? text.slice(0, MAX_WATCH_TEXT) : text;
        // test() runs without capture groups, on RE2's fastest path; the matcher only for texts that match.
        if (!compiled.test(input)) return undefined;
        const matcher = compiled.matcher(input);
        if (!matcher.find()) return undefined;
        const found = (matcher.group() ?? '').replace(/\s+/g, ' ').trim();
        return found.length > MAX_QUOTE ? `${found.slice(0, MAX_QUOTE - 1)}…` : found;
      },
    },
  };
}

/** Constructs RE2 refuses, with what to write instead. Checked on the pattern, so the reason is certain. */
const UNSUPPORTED: { test: RegExp; message: string }[] = [
  { test: /\(\?<?[=!]/, message: 'Look-ahead and look-behind, (?=…), (?!…), (?<=…), (?<!…), are not supported' },
  { test: /\\[1-9]|\\k</, message: 'Back-references such as \\1 are not supported' },
  { test: /\\u[0-9a-f{]/i, message: 'Write \\x{263a} instead of \\u263a for a character by its code' },
];

function explainSyntaxError(pattern: string, error: unknown): string {
  const unsupported = UNSUPPORTED.find(({ test }) => test.test(pattern));
  if (unsupported) {
    return `${unsupported.message}: Paperlight runs expressions with an engine that cannot freeze the page, and it has no such feature.`;
  }
  const raw = error instanceof Error ? error.message : String(error);
  // "error parsing regexp: missing closing ): `(ab`" → "missing closing ): `(ab`"
  // RE2JS shows the pattern with the (?i) it was compiled with: the user did not write that.
  const detail = raw.replace(/^error parsing regexp:\s*/i, '').replace(/`\(\?i\)/g, "`");
  if (/invalid repeat count/i.test(detail)) {
    return `This expression repeats too much (${detail}): counts in {n} go up to 1000, and repeats of repeats multiply.`;
  }
  return `This is not a valid regular expression: ${detail}.`;
}

/**
 * Describe a span of an entry field's text as W3C Web Annotation selectors, and find it again: the way the
 * Hypothesis client anchors (see /work/shared/STYLE.md), on the normalized field text of ./text-map.ts.
 *
 * Anchoring order:
 *  1. the position, when the text there is the quote (exactly, or with the same letters and digits);
 *  2. the quote as it was written, its best occurrence by prefix, suffix and nearness to the position;
 *  3. the quote's letters and digits (./comparison-key.ts) in the text's, exactly then approximately: this is
 *     what survives whitespace, MathJax, ligatures, TeX-versus-Unicode and a shortened abstract.
 * Nothing found: undefined. The caller keeps the highlight ("not found on this page"); it never guesses.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../db/schema';
import { comparisonKey, keyIndexAt } from './comparison-key';
import { matchQuote } from './match-quote';
import { indexAtPoint, type TextMap } from './text-map';

export type { TextPositionSelector, TextQuoteSelector };

/** Characters of context kept either side of the quote. */
export const CONTEXT_LENGTH = 32;

export interface HighlightSelectors {
  quote?: TextQuoteSelector;
  position?: TextPositionSelector;
}

/** Where a highlight sits in the field text, and which step found it. */
export interface TextAnchor {
  start: number;
  end: number;
  method: 'position' | 'quote' | 'fuzzy';
}

/** Both selectors of text[start, end). */
export function describeSpan(text: string, start: number, end: number): Required<HighlightSelectors> {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: wholeCharacters(text, Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: wholeCharacters(text, end, Math.min(text.length, end + CONTEXT_LENGTH)),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/**
 * The span of the field text a DOM range covers (clipped to the field, whitespace at its edges trimmed, a
 * formula taken whole), or undefined when it covers no text of the field. Never throws.
 */
export function spanOfRange(map: TextMap, range: Range): { start: number; end: number } | undefined {
  try {
    let start = indexAtPoint(map, range.startContainer, range.startOffset, 'start');
    let end = indexAtPoint(map, range.endContainer, range.endOffset, 'end');
    const { text } = map;
    while (start < end && text[start] === ' ') start++;
    while (end > start && text[end - 1] === ' ') end--;
    if (isLowSurrogate(text.charCodeAt(start)) && start > 0) start--;
    if (isHighSurrogate(text.charCodeAt(end - 1)) && end < text.length) end++;
    return end > start ? { start, end } : undefined;
  } catch {
    return undefined;
  }
}

/** Selectors for what a DOM range covers in the field, or undefined. Never throws. */
export function describeRange(map: TextMap, range: Range): Required<HighlightSelectors> | undefined {
  const span = spanOfRange(map, range);
  return span && describeSpan(map.text, span.start, span.end);
}

/** Find the described span in `text`. Never throws; undefined when it cannot be placed. */
export function anchorInText(text: string, selectors: HighlightSelectors): TextAnchor | undefined {
  try {
    return anchorOrThrow(text, selectors);
  } catch {
    return undefined;
  }
}

function anchorOrThrow(text: string, { quote, position }: HighlightSelectors): TextAnchor | undefined {
  const atPosition = position && isValidSpan(text, position.start, position.end) ? text.slice(position.start, position.end) : undefined;
  if (atPosition !== undefined && position) {
    if (!quote || atPosition === quote.exact) return { start: position.start, end: position.end, method: 'position' };
    const expected = comparisonKey(quote.exact).key;
    if (expected && comparisonKey(atPosition).key === expected) return { start: position.start, end: position.end, method: 'position' };
  }
  if (!quote?.exact) return undefined;

  const hint = position?.start;
  const written = matchQuote(text, quote.exact, { prefix: quote.prefix, suffix: quote.suffix, hint }, { approximate: false });
  if (written) return { start: written.start, end: written.end, method: 'quote' };

  const textKey = comparisonKey(text);
  const quoteKey = comparisonKey(quote.exact);
  if (!quoteKey.key) return undefined; // a quote of punctuation only: nothing to compare but the exact text
  const found = matchQuote(textKey.key, quoteKey.key, {
    prefix: comparisonKey(quote.prefix).key,
    suffix: comparisonKey(quote.suffix).key,
    hint: hint === undefined ? undefined : keyIndexAt(textKey, hint),
  });
  if (!found) return undefined;
  const start = textKey.toText[found.start]!;
  const end = textKey.toTextEnd[found.end - 1]!;
  return { ...widenToQuoteEdges(text, start, end, quote.exact), method: 'fuzzy' };
}

/**
 * A match of letters and digits starts and ends on a letter or digit; the quote may have had punctuation
 * at its edges ("(k,ℓ)"). Walking outwards, the text's characters are taken while they are the quote's; TeX's
 * `$` delimiters, which typesetting removes, may be missing from the text.
 */
function widenToQuoteEdges(text: string, start: number, end: number, exact: string): { start: number; end: number } {
  const leading = /^[^\p{L}\p{N}\s]*/u.exec(exact)![0];
  const trailing = /[^\p{L}\p{N}\s]*$/u.exec(exact)![0];
  for (let q = leading.length - 1; q >= 0 && start > 0; q--) {
    if (samePunctuation(text[start - 1]!, leading[q]!)) start--;
    else if (leading[q] !== '$') break;
  }
  for (let q = 0; q < trailing.length && end < text.length; q++) {
    if (samePunctuation(text[end]!, trailing[q]!)) end++;
    else if (trailing[q] !== '$') break;
  }
  if (isLowSurrogate(text.charCodeAt(start)) && start > 0) start--;
  if (isHighSurrogate(text.charCodeAt(end - 1)) && end < text.length) end++;
  return { start, end };
}

/** Typographic and straight quotes, and the dashes, count as the same mark (sites and editors swap them). */
const PUNCTUATION_FOLDS: Record<string, string> = {
  '“': '"', '”': '"', '„': '"', '‟': '"', '«': '"', '»': '"',
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'",
  '–': '-', '—': '-', '‐': '-', '‑': '-', '−': '-',
};

function samePunctuation(a: string, b: string): boolean {
  return (PUNCTUATION_FOLDS[a] ?? a) === (PUNCTUATION_FOLDS[b] ?? b);
}

function isValidSpan(text: string, start: number, end: number): boolean {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length;
}

/** text[from, to) without half of a surrogate pair at either edge. */
function wholeCharacters(text: string, from: number, to: number): string {
  if (from < to && isLowSurrogate(text.charCodeAt(from))) from++;
  if (to > from && isHighSurrogate(text.charCodeAt(to - 1))) to--;
  return text.slice(from, to);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

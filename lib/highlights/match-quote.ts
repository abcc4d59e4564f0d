/**
 * Find a quote in a text that may have drifted since the quote was taken: exact occurrences first, then
 * approximate ones (Myers' bit-parallel edit-distance search from approx-string-match, the library the
 * Hypothesis client anchors with). Every candidate is scored on how well the quote, the text just before it
 * (prefix) and just after it (suffix) agree, and how close it is to where the quote was (hint); the best
 * candidate wins if it is convincing enough, else there is no match: a highlight shown in the wrong place is
 * worse than one listed as "not found on this page".
 */
import approximateSearch from 'approx-string-match';

export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  /** Where the quote is expected to start (an index into the text). */
  hint?: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** Edits between the quote and the matched text. */
  errors: number;
  /** 0..1; 1 = the quote and its context found exactly at the hint. */
  score: number;
}

// Weights: the quote matters most; prefix and suffix tell repeated phrases apart; the hint breaks ties.
const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 20;
const HINT_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + 2 * CONTEXT_WEIGHT + HINT_WEIGHT;

/** Exact occurrences considered at most (a one-word quote in a long text). */
const MAX_EXACT_CANDIDATES = 100;

/**
 * Edits allowed between a quote and its match: up to half of a long quote (a search page may show only part
 * of it, a sentence may have been reworded), fewer for short quotes (in a 2,000-character abstract a 6-letter
 * quote with 3 edits matches almost anywhere).
 */
export function maxErrorsFor(quoteLength: number): number {
  if (quoteLength < 8) return 0;
  if (quoteLength < 24) return Math.floor(quoteLength / 6);
  return Math.min(256, Math.floor(quoteLength / 2));
}

/** The best place for `quote` in `text`; `approximate: false` accepts exact occurrences only. */
export function matchQuote(
  text: string,
  quote: string,
  context: QuoteContext = {},
  { approximate = true }: { approximate?: boolean } = {},
): QuoteMatch | undefined {
  if (!quote || !text) return undefined;
  const exact = exactCandidates(text, quote);
  const candidates = exact.length > 0 || !approximate ? exact : approximateCandidates(text, quote);
  let best: QuoteMatch | undefined;
  for (const candidate of candidates) {
    const scored = { ...candidate, score: scoreCandidate(text, quote, candidate, context) };
    if (!best || scored.score > best.score) best = scored;
  }
  return best && isConvincing(text, quote, best, context) ? best : undefined;
}

function exactCandidates(text: string, quote: string): Omit<QuoteMatch, 'score'>[] {
  const found: Omit<QuoteMatch, 'score'>[] = [];
  for (let at = text.indexOf(quote); at >= 0 && found.length < MAX_EXACT_CANDIDATES; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

function approximateCandidates(text: string, quote: string): Omit<QuoteMatch, 'score'>[] {
  const maxErrors = maxErrorsFor(quote.length);
  if (maxErrors === 0) return [];
  return approximateSearch(text, quote, maxErrors).filter((match) => match.end > match.start);
}

function scoreCandidate(text: string, quote: string, match: Omit<QuoteMatch, 'score'>, context: QuoteContext): number {
  const quoteScore = 1 - match.errors / quote.length;
  const prefixScore = context.prefix ? similarity(text.slice(Math.max(0, match.start - context.prefix.length), match.start), context.prefix, 'end') : 1;
  const suffixScore = context.suffix ? similarity(text.slice(match.end, match.end + context.suffix.length), context.suffix, 'start') : 1;
  const hintScore = context.hint === undefined ? 1 : 1 - Math.min(1, Math.abs(match.start - context.hint) / Math.max(1, text.length));
  return (QUOTE_WEIGHT * quoteScore + CONTEXT_WEIGHT * prefixScore + CONTEXT_WEIGHT * suffixScore + HINT_WEIGHT * hintScore) / TOTAL_WEIGHT;
}

/**
 * How much of `expected` the text beside the match agrees with, 0..1. Context is compared from the side
 * touching the quote: a prefix cut short by the start of the text still agrees on what is there.
 */
function similarity(found: string, expected: string, touching: 'start' | 'end'): number {
  if (expected.length === 0) return 1;
  if (found.length === 0) return 0;
  // At the edge of the text (a shortened abstract) only the part that exists is compared.
  const comparable = touching === 'end' ? expected.slice(expected.length - found.length) : expected.slice(0, found.length);
  const [match] = approximateSearch(found, comparable, comparable.length);
  const errors = match ? match.errors : comparable.length;
  return (1 - errors / comparable.length) * (found.length / expected.length) + 0.5 * (1 - found.length / expected.length);
}

/**
 * An exact quote is always taken. An approximate one needs a quote that mostly agrees (three quarters), or
 * half agreeing and context on either side agreeing too (the quote was cut by a shortened abstract, or
 * edited, but it sits where the prefix or suffix say it should).
 */
function isConvincing(text: string, quote: string, match: QuoteMatch, context: QuoteContext): boolean {
  if (match.errors === 0) return true;
  const quoteScore = 1 - match.errors / quote.length;
  if (quoteScore >= 0.75) return true;
  if (quoteScore < 0.5) return false;
  const before = context.prefix ? similarity(text.slice(Math.max(0, match.start - context.prefix.length), match.start), context.prefix, 'end') : 0;
  const after = context.suffix ? similarity(text.slice(match.end, match.end + context.suffix.length), context.suffix, 'start') : 0;
  return Math.max(before, after) >= 0.75;
}

/**
 * Reported results: numbers the abstract ties to a benchmark ("94.1 on RewardBench", "improved by 103% on
 * WebShop", "+5.4% accuracy" after "on RewardBench"). Only numbers the token pass found are looked at, and
 * only those with a unit, a "score/achieves" lead-in, "N on <benchmark>" or "<benchmark> (N)" count.
 */
import { COPULA, LIST_JOINER, METRIC_WORD, RESULT_LEAD_IN, RESULT_PREPOSITION, type Lexicon } from './lexicon';
import {
  GAP_CLOSE_PAREN,
  GAP_COMMA,
  GAP_HARD,
  HAS_ALPHA,
  HAS_DIGIT,
  UPPER_FIRST,
  GAP_OPEN_PAREN,
  GAP_SENTENCE,
  partAt,
  sliceText,
  textCodeAt,
  TRAILING_PERCENT,
  type Tokens,
} from './tokenize';
import type { TokenList } from './scan';
import type { ReportedResult } from './types';

/** Where a benchmark is mentioned in the text, under its canonical name. */
export interface Mention {
  name: string;
  first: number;
  last: number;
}

const NUMBER_AT = /[+\-\u2212]?\d+(?:[.,]\d+)*(?:\s*(\\?%|percent(?:age points?)?\b|points?\b|pts\b|pp\b|x\b|\u00d7))?/y;
const MAX_BACK = 25;
/** Which tokens are part of a mention (reused across calls; extraction is synchronous). */
let insideBuffer = new Uint8Array(1024);

export function findResults(
  tokens: Tokens,
  numbers: TokenList,
  mentions: Mention[],
  lexicon: Lexicon,
): ReportedResult[] {
  if (mentions.length === 0 || numbers.length === 0) return [];
  const { info, starts, ends } = tokens;
  const mentionAt = new Map<number, Mention>();
  if (insideBuffer.length < tokens.length) insideBuffer = new Uint8Array(tokens.length * 2);
  const insideMention = insideBuffer.fill(0, 0, tokens.length);
  for (const m of mentions) {
    mentionAt.set(m.first, m);
    for (let k = m.first; k <= m.last; k++) insideMention[k] = 1;
  }
  const roles = (t: number) => (t >= 0 && t < tokens.length ? lexicon.rolesOf(tokens, t) : 0);
  const results: ReportedResult[] = [];
  let skipUntil = -1;

  for (let n = 0; n < numbers.length; n++) {
    const t = numbers.items[n]!;
    if (t <= skipUntil || insideMention[t]) continue;
    if (textCodeAt(tokens, starts[t]! - 1) === 64) continue; // "pass@1" names a metric
    const start = starts[t]! - (isSign(textCodeAt(tokens, starts[t]! - 1)) ? 1 : 0);
    const { part, start: partStart } = partAt(tokens, starts[t]!);
    NUMBER_AT.lastIndex = Math.max(0, start - partStart);
    const match = NUMBER_AT.exec(part);
    if (!match) continue;
    const numberEnd = start + match[0].length;
    // The tokens the number spans ("94.1" is "94" and "1").
    let lastToken = t;
    while (lastToken + 1 < tokens.length && starts[lastToken + 1]! < numberEnd) lastToken++;
    skipUntil = lastToken;
    const unit = unitOf(match[1], info[lastToken]!);
    const value = parseNumber(match[0]);
    if (!Number.isFinite(value)) continue;
    if (!unit && Number.isInteger(value) && value >= 1900 && value <= 2100) continue; // a year

    let mention: Mention | undefined;
    let phraseStart = start;
    let phraseEnd = numberEnd;
    // "94.1 on RewardBench", "75% on the HotPotQA test set", "4.1 points on MBPP": the preposition right
    // after the number (or after its metric word), then the benchmark (or "the" and the benchmark).
    let preposition = lastToken + 1;
    if (preposition < tokens.length && roles(preposition) & METRIC_WORD && !(info[preposition]! & GAP_HARD)) preposition++;
    if (preposition < tokens.length && roles(preposition) & RESULT_PREPOSITION && !(info[preposition]! & GAP_HARD)) {
      let at = preposition + 1;
      if (at < tokens.length && !mentionAt.has(at) && /^the$/i.test(sliceText(tokens, starts[at]!, ends[at]!))) at++;
      const found = at < tokens.length && !(info[at]! & GAP_HARD) ? mentionAt.get(at) : undefined;
      if (found) {
        mention = found;
        phraseEnd = ends[found.last]!;
      }
    }
    // "the Easy-Level dataset (94.55)"
    if (!mention && info[t]! & GAP_OPEN_PAREN && t > 0 && insideMention[t - 1] && info[lastToken + 1]! & GAP_CLOSE_PAREN) {
      mention = mentions.find((m) => m.last === t - 1);
    }
    const leadIn = (roles(t - 1) & RESULT_LEAD_IN) !== 0 || fromTo(tokens, t, lastToken);
    if (!mention && (unit || leadIn)) {
      // "on RewardBench, improving average accuracy by up to 5.4%": the benchmark the sentence evaluates on.
      mention = nearestBefore(tokens, t, mentions);
      if (mention && !evaluatedOn(tokens, mention, roles)) mention = undefined;
      const metric = lastToken + 1 < tokens.length && roles(lastToken + 1) & METRIC_WORD && !(info[lastToken + 1]! & GAP_HARD);
      if (metric) phraseEnd = ends[lastToken + 1]!;
      // Start the phrase at a metric word just before the number: "accuracy by up to 5.4%".
      for (let k = t - 1; mention && !metric && k > mention.last && k >= t - 4; k--) {
        if (info[k + 1]! & GAP_HARD) break;
        if (roles(k) & METRIC_WORD) phraseStart = starts[k]!;
      }
    }
    if (!mention) continue;
    if (!unit && !leadIn && !(roles(lastToken + 1) & RESULT_PREPOSITION) && !(info[t]! & GAP_OPEN_PAREN)) continue;
    const phrase = sliceText(tokens, phraseStart, phraseEnd).replace(/\\%/g, '%');
    results.push({ benchmark: mention.name, value, unit, text: phrase });
  }
  return results;
}

/**
 * Whether the sentence evaluates on the mention: "on X", "in the X", "X and Y" after "on", "as X" ("such as
 * X and Y"), not "with X" (training data) or X as the subject of a sentence.
 */
function evaluatedOn(tokens: Tokens, mention: Mention, roles: (t: number) => number): boolean {
  let k = mention.first - 1;
  for (let hops = 0; k >= 0 && hops < 10; hops++) {
    if (tokens.info[k + 1]! & GAP_SENTENCE) return false;
    const r = roles(k);
    if (r & (RESULT_PREPOSITION | COPULA)) return true;
    // Walk back over "the", a list ("X, Y and Z") and words inside other names.
    if (r & LIST_JOINER || tokens.info[k + 1]! & GAP_COMMA || /^(the|from|to)$/i.test(sliceText(tokens, tokens.starts[k]!, tokens.ends[k]!))) {
      k--;
      continue;
    }
    if (tokens.info[k]! & (UPPER_FIRST | HAS_DIGIT)) {
      k--; // an earlier item of the list: "AlpacaEval2.0 and MT-Bench"
      continue;
    }
    return false;
  }
  return false;
}

/** "from 87.2 to 92.7": both numbers are scores even without a unit. */
function fromTo(tokens: Tokens, t: number, lastToken: number): boolean {
  const word = (k: number) => (k >= 0 && k < tokens.length ? sliceText(tokens, tokens.starts[k]!, tokens.ends[k]!).toLowerCase() : '');
  const isNumber = (k: number) => k >= 0 && k < tokens.length && !(tokens.info[k]! & HAS_ALPHA);
  if (word(t - 1) === 'from') {
    for (let k = lastToken + 1; k <= lastToken + 2; k++) if (word(k) === 'to' && isNumber(k + 1)) return true;
  }
  if (word(t - 1) === 'to') {
    for (let k = t - 2; k >= t - 5; k--) if (word(k) === 'from' && isNumber(k + 1)) return true;
  }
  return false;
}

function nearestBefore(tokens: Tokens, t: number, mentions: Mention[]): Mention | undefined {
  let best: Mention | undefined;
  for (const m of mentions) {
    if (m.last < t && t - m.last <= MAX_BACK && (!best || m.last > best.last)) best = m;
  }
  if (!best) return undefined;
  for (let k = best.last + 1; k <= t; k++) if (tokens.info[k]! & GAP_SENTENCE) return undefined;
  return best;
}

function isSign(code: number): boolean {
  return code === 43 || code === 45 || code === 0x2212;
}

function unitOf(written: string | undefined, info: number): string {
  if (!written) return info & TRAILING_PERCENT ? '%' : '';
  if (written.endsWith('%') || written.startsWith('percent')) return written.startsWith('percentage') ? 'pts' : '%';
  if (written === 'x' || written === '\u00d7') return 'x';
  return 'pts';
}

function parseNumber(written: string): number {
  const number = /[+\-\u2212]?\d+(?:[.,]\d+)*/.exec(written)?.[0] ?? '';
  const sign = number.startsWith('-') || number.startsWith('\u2212') ? -1 : 1;
  let digits = number.replace(/^[+\-\u2212]/, '');
  // "1,360" is a thousands separator; "3,15" a decimal comma.
  digits = /^\d{1,3}(,\d{3})+$/.test(digits) ? digits.replace(/,/g, '') : digits.replace(',', '.');
  return sign * Number.parseFloat(digits);
}


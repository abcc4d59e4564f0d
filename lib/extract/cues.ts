/**
 * Cue rules for catalogue names that are also ordinary words or acronyms (`cue` flag, and capitalised
 * `case` names in titles and at sentence starts): they count only with a cue close by.
 */
import { CUE_BEFORE, CUE_WORD, STRONG_CUE, type Lexicon } from './lexicon';
import type { CatalogueHit, ScanResult } from './scan';
import { GAP_HARD, GAP_SENTENCE, HAS_ALPHA, type Tokens } from './tokenize';

/**
 * "MATH", "ARC", "Spider" count only with a cue close by: a number, a word like "benchmark" or "accuracy"
 * in the same sentence within a few words, "on"/"the" right before, or another benchmark in the same list.
 */
export function confirmCues(tokens: Tokens, found: ScanResult, lexicon: Lexicon): void {
  const { hits } = found;
  for (const hit of hits) {
    if (hit.confirmed) continue;
    hit.confirmed = hasCue(tokens, hit, hits, lexicon);
  }
}

const CUE_WINDOW = 5;
const STRONG_CUE_WINDOW = 3;
const NEIGHBOUR_WINDOW = 8;

function hasCue(tokens: Tokens, hit: CatalogueHit, hits: CatalogueHit[], lexicon: Lexicon): boolean {
  const { info } = tokens;
  const strong = hit.needs === 'strong-cue';
  const before = hit.first - 1;
  if (!strong && before >= 0 && !(info[hit.first]! & GAP_HARD) && lexicon.rolesOf(tokens, before) & CUE_BEFORE) {
    return true;
  }
  const sentenceStart = (() => {
    let k = hit.first;
    while (k > 0 && !(info[k]! & GAP_SENTENCE)) k--;
    return k;
  })();
  const cue = strong ? STRONG_CUE : CUE_WORD;
  const window = strong ? STRONG_CUE_WINDOW : CUE_WINDOW;
  for (let k = hit.first - 1; k >= Math.max(sentenceStart, hit.first - window); k--) {
    if (isCueToken(tokens, k, lexicon, cue)) return true;
  }
  for (let k = hit.last + 1; k < tokens.length && k <= hit.last + window; k++) {
    if (info[k]! & GAP_SENTENCE) break;
    if (isCueToken(tokens, k, lexicon, cue)) return true;
  }
  for (const other of hits) {
    if (other === hit || other.entry === hit.entry) continue;
    if (strong && other.needs !== 'none') continue; // lower-case phrases do not vouch for each other
    const distance = other.first > hit.last ? other.first - hit.last : hit.first - other.last;
    if (distance > 0 && distance <= NEIGHBOUR_WINDOW && !crossesSentence(tokens, hit, other)) return true;
  }
  return false;
}

function isCueToken(tokens: Tokens, k: number, lexicon: Lexicon, cue: number): boolean {
  if (!(tokens.info[k]! & HAS_ALPHA)) return true; // a number
  return (lexicon.rolesOf(tokens, k) & cue) !== 0;
}

function crossesSentence(tokens: Tokens, a: CatalogueHit, b: CatalogueHit): boolean {
  const from = Math.min(a.last, b.last);
  const to = Math.max(a.first, b.first);
  for (let k = from + 1; k <= to; k++) if (tokens.info[k]! & GAP_SENTENCE) return true;
  return false;
}

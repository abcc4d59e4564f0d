/**
 * Title search for the popup: every word of the query must occur in the title, case, accents and
 * punctuation ignored ("gsm 8k" does not match "GSM8K", "gsm8k" and "GSM-8K"... see the tests).
 */

const NON_ASCII = /[^\x00-\x7f]/;

/** Lower case, accents and ligatures undone, every run of non-letters/digits turned into one space. */
export function normalizeForSearch(text: string): string {
  // Most titles are plain ASCII: skip the (several times slower) Unicode work for them.
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a query; empty when the query has nothing to search for. */
export function queryWords(query: string | undefined): string[] {
  const normalized = normalizeForSearch(query ?? '');
  return normalized ? normalized.split(' ') : [];
}

/** Does a title (already normalized) contain every query word? */
export function titleHasWords(normalizedTitle: string, words: readonly string[]): boolean {
  return words.every((word) => normalizedTitle.includes(word));
}

/**
 * Tags as the library keeps them (issue 6): trimmed, inner whitespace (tabs, newlines) folded to one space,
 * no empty tag, each once, sorted. The same rules as sync's compact rows (lib/sync/records.ts), so a tag
 * survives every trip: popup, keyboard prompt, backup, sync.
 */
export const MAX_TAG_LENGTH = 100;
export const MAX_TAGS_PER_PAPER = 100;

export function normalizeTag(tag: string): string {
  return tag.replace(/\s+/g, ' ').trim().slice(0, MAX_TAG_LENGTH).trim();
}

export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map(normalizeTag).filter(Boolean))].sort();
}

/** Tags typed into one field: commas separate them ("to-read, rlhf"). */
export function splitTagInput(text: string): string[] {
  return text.split(',').map(normalizeTag).filter(Boolean);
}

/**
 * Existing tags that complete `prefix` (case and accents ignored), most used first: the popup's autocomplete
 * and the keyboard prompt's suggestions. Tags the paper already has are left out.
 */
export function suggestTags(
  counts: readonly { tag: string; count: number }[],
  prefix: string,
  exclude: readonly string[] = [],
  limit = 8,
): string[] {
  const wanted = foldCase(prefix.trim());
  const skip = new Set(exclude.map(foldCase));
  return counts
    .filter(({ tag }) => !skip.has(foldCase(tag)) && foldCase(tag).includes(wanted))
    .sort((a, b) => Number(foldCase(b.tag).startsWith(wanted)) - Number(foldCase(a.tag).startsWith(wanted)) || b.count - a.count || a.tag.localeCompare(b.tag))
    .slice(0, limit)
    .map(({ tag }) => tag);
}

function foldCase(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

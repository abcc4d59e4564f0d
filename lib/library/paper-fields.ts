import type { LibraryPaper } from '../db/schema';

/**
 * The reader's fields of a saved paper, with the defaults of records saved before they existed (database
 * version 5): no tags, no note, unread.
 */
export const tagsOf = (paper: Pick<LibraryPaper, 'tags'>): string[] => paper.tags ?? [];
export const noteOf = (paper: Pick<LibraryPaper, 'note'>): string => paper.note ?? '';
export const isRead = (paper: Pick<LibraryPaper, 'readAt'>): boolean => paper.readAt !== undefined;

/**
 * The year and month a paper came out: the date the page gave, else the month in a new-style arXiv id
 * (2401.01234 → 2024-01) or an old-style one (hep-th/9901001 → 1999-01). Undefined when neither says.
 */
export function publicationMonth(paper: { id: string; published?: string }): { year: number; month: number; day?: number } | undefined {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(paper.published ?? '');
  if (date) return { year: Number(date[1]), month: Number(date[2]), day: Number(date[3]) };
  const arxiv = /^(?:[a-z-]+(?:\.[a-z]{2})?\/)?(\d{2})(\d{2})[.\d]/i.exec(paper.id);
  if (!arxiv) return undefined;
  const yy = Number(arxiv[1]);
  const month = Number(arxiv[2]);
  if (month < 1 || month > 12) return undefined;
  // arXiv started in 1991; new-style ids (from 0704) are all of this century.
  return { year: yy >= 91 ? 1900 + yy : 2000 + yy, month };
}

/** A key that sorts papers by publication (yyyy-mm-dd, day 00 when only the month is known); '' when unknown. */
export function publicationSortKey(paper: { id: string; published?: string }): string {
  const when = publicationMonth(paper);
  if (!when) return '';
  return `${when.year}-${String(when.month).padStart(2, '0')}-${String(when.day ?? 0).padStart(2, '0')}`;
}

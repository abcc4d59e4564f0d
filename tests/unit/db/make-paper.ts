import type { PaperToSave } from '../../../lib/db';
import type { LibraryPaper } from '../../../lib/db/schema';

/** A paper as a page would send it to be saved; `overrides` change what a test cares about. */
export function paperToSave(id: string, overrides: Partial<PaperToSave> = {}): PaperToSave {
  return {
    id,
    site: 'huggingface',
    url: `https://huggingface.co/papers/${id}`,
    title: `Paper ${id}`,
    authors: ['Ada Lovelace', 'Alan Turing'],
    abstract: `We study things in paper ${id} and report results on GSM8K.`,
    topics: ['math-reasoning'],
    benchmarks: ['GSM8K'],
    ...overrides,
  };
}

/** A stored record; `overrides` may include the reader's fields (tags, note, readAt). */
export function savedPaper(id: string, savedAt: number, overrides: Partial<LibraryPaper> = {}): LibraryPaper {
  return { ...paperToSave(id), savedAt, updatedAt: savedAt, ...overrides };
}

/** Deterministic ids in arXiv form: 2401.00001, 2401.00002, ... */
export function arxivId(n: number): string {
  return `2401.${String(n).padStart(5, '0')}`;
}

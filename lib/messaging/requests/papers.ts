import type { PaperId, SavedPaper } from '../../paper';

/** Saving papers and the popup's view of the library (issue 2). */
export interface PaperRequests {
  /** Save (or re-save, idempotent) a paper. Replies with the stored record. */
  'paper/save': { payload: { paper: Omit<SavedPaper, 'savedAt' | 'updatedAt'> }; reply: SavedPaper };
  /** Remove a saved paper. Replies true when something was removed. */
  'paper/remove': { payload: { id: PaperId }; reply: boolean };
  /** Which of these ids are saved. */
  'paper/status': { payload: { ids: PaperId[] }; reply: PaperId[] };
  /** Counts and top topics/benchmarks for the popup header. */
  'library/summary': { payload: Record<string, never>; reply: LibrarySummary };
  /** One page of the saved list, newest first, optionally filtered by words in the title. */
  'library/list': { payload: { query?: string; offset: number; limit: number }; reply: LibraryPage };
}

export interface LibrarySummary {
  count: number;
  topTopics: { id: string; count: number }[];
  topBenchmarks: { name: string; count: number }[];
}

export interface LibraryPage {
  /** Total matching the query (for the virtualised list's height). */
  total: number;
  items: SavedPaper[];
}

/** A paper was saved or removed (from any tab or the popup). */
export type PaperChanged = { type: 'paper/changed'; id: PaperId; saved: boolean };

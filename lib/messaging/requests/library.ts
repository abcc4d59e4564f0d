/**
 * The library (issue 6): search with the field syntax, the reader's edits (tags, note, read state), removal
 * with undo, the chart's numbers, exports and the JSON backup restore. See lib/messaging/protocol.ts for how
 * domains compose.
 */
import type { LibraryPaper, StoredHighlight } from '../../db/schema';
import type { ExportData } from '../../library/export';
import type { PaperEdit } from '../../library/edit';
import type { PaperId } from '../../paper';

export type { ExportData, LibraryPaper, PaperEdit };

/** Newest saved first, or newest published first. */
export type LibrarySort = 'saved' | 'published';

export interface LibraryRequests {
  /** One page of the papers matching `query` (lib/library/query.ts syntax; '' = all), in `sort` order. */
  'library/search': { payload: { query: string; sort: LibrarySort; offset: number; limit: number }; reply: LibrarySearchPage };
  /** The chart: papers per topic and per week among those matching `query`. */
  'library/stats': { payload: { query: string }; reply: LibraryStats };
  /** The saved records of these ids (ids not saved are left out). */
  'library/get': { payload: { ids: PaperId[] }; reply: LibraryPaper[] };
  /** Change a saved paper's tags, note or read state. Fails when the paper is not saved. */
  'library/edit': { payload: { id: PaperId; edit: PaperEdit }; reply: LibraryPaper };
  /** Every tag in use, most used first (autocomplete). */
  'library/tags': { payload: Record<string, never>; reply: TagCount[] };
  /** Remove a paper; replies with the record removed (null when it was not saved), for "undo". */
  'library/remove': { payload: { id: PaperId }; reply: LibraryPaper | null };
  /** Put a removed paper back as it was ("undo"); merged like a restore when it is saved again meanwhile. */
  'library/restore': { payload: { paper: LibraryPaper }; reply: LibraryPaper };
  /** What an export needs: the matching papers (all when `query` is ''), their highlights, and the settings. */
  'library/export-data': { payload: { query: string; sort: LibrarySort }; reply: ExportData };
  /**
   * The same, with the ids of the papers in place of the papers: the popup reads those with 'library/get' in
   * batches, so that no single message carries the whole library (one 20 MB reply held the popup ~0.7 s).
   */
  'library/export-plan': { payload: { query: string; sort: LibrarySort }; reply: ExportPlan };
  /** Restore a JSON backup: checked whole before anything is written, then merged (newer edit wins). */
  'library/import': { payload: { text: string }; reply: ImportOutcome };
}

export type ExportPlan = Omit<ExportData, 'papers'> & { ids: PaperId[] };

export interface LibrarySearchPage {
  /** Papers matching the query (for the virtualised list's height). */
  total: number;
  items: LibraryPaper[];
  /** What in the query could not be used (an unknown `is:` value...), for the reader. */
  problems: string[];
}

export interface LibraryStats {
  total: number;
  /** Most frequent first. */
  topics: { id: string; count: number }[];
  /** Oldest first; `start` is the week's Monday (yyyy-mm-dd, local time). */
  weeks: { start: string; count: number }[];
}

export interface TagCount {
  tag: string;
  count: number;
}

export type ImportOutcome = { imported: true; report: ImportReport } | { imported: false; problem: string };

export interface ImportReport {
  papers: { added: number; updated: number; unchanged: number };
  highlights: { added: number; updated: number; unchanged: number };
  /** Settings taken from the backup (this browser had them at their defaults). */
  settingsRestored: string[];
  /** Settings this browser had changed: kept as they are. */
  settingsKept: string[];
  /** Settings in the backup this version does not know: left out. */
  settingsUnknown: string[];
}

/**
 * The reader's data of these papers changed (tags, note, read state) in any tab, the popup, or by an import
 * or sync; `ids` 'many' after an import too large to list. Saves and removals are 'paper/changed'.
 */
export type LibraryChanged = { type: 'library/changed'; ids: PaperId[] | 'many' };

export type LibraryBroadcast = LibraryChanged;

export type { StoredHighlight };

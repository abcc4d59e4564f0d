import { applyEdit, type PaperEdit } from '../library/edit';
import { mergeHighlight, mergePaper } from '../library/merge';
import type { PaperId } from '../paper';
import type { StoreValue } from 'idb';
import { allKeys, getEach, putEach, type AnyStore } from './bulk';
import { updateDigestRows } from './digest';
import type { PaperlightDb } from './open';
import type { LibraryPaper, PaperlightSchema, StoredHighlight } from './schema';
import { inTransaction } from './transaction';

/**
 * The reader's side of the library (issue 6), next to lib/db/papers.ts: edits of tags, note and read state,
 * removal that hands back what was removed (for undo), and merging records in from elsewhere (backup
 * restore, undo, sync). Every write updates the digest in the same transaction. Only the background worker
 * calls these, through lib/background/library.ts so that its in-memory index follows.
 */

export interface EditOutcome {
  /** The record as it is now. */
  paper: LibraryPaper;
  changed: boolean;
}

/** Apply an edit to a saved paper. Undefined when the paper is not saved (removed meanwhile). */
export function editPaper(db: PaperlightDb, id: PaperId, edit: PaperEdit, now = Date.now()): Promise<EditOutcome | undefined> {
  return inTransaction(db, ['papers', 'digest'], 'readwrite', async (tx) => {
    const papers = tx.objectStore('papers');
    const stored = await papers.get(id);
    if (!stored) return undefined;
    const paper = applyEdit(stored, edit, now);
    if (paper === stored) return { paper, changed: false };
    await Promise.all([papers.put(paper), updateDigestRows(tx.objectStore('digest'), new Map([[id, paper]]))]);
    return { paper, changed: true };
  });
}

/** Remove a saved paper; resolves with the record removed (kept by the popup for "undo"), if there was one. */
export function takePaper(db: PaperlightDb, id: PaperId): Promise<LibraryPaper | undefined> {
  return inTransaction(db, ['papers', 'digest'], 'readwrite', async (tx) => {
    const papers = tx.objectStore('papers');
    const stored = await papers.get(id);
    if (stored) await Promise.all([papers.delete(id), updateDigestRows(tx.objectStore('digest'), new Map([[id, undefined]]))]);
    return stored;
  });
}

export interface MergeOutcome<T> {
  added: T[];
  updated: T[];
  /** Records identical to the stored ones, or older than them (the stored edit won). */
  unchanged: number;
}

export interface LibraryMergeOutcome {
  papers: MergeOutcome<LibraryPaper>;
  highlights: MergeOutcome<StoredHighlight>;
}

/**
 * Merge records in (lib/library/merge.ts rules: newer edit wins, nothing is removed), all in one transaction:
 * either every record lands or none does. Records must be valid already (lib/library/backup.ts checks them).
 */
export function mergeLibraryRecords(
  db: PaperlightDb,
  records: { papers: readonly LibraryPaper[]; highlights: readonly StoredHighlight[] },
): Promise<LibraryMergeOutcome> {
  return inTransaction(db, ['papers', 'digest', 'highlights'], 'readwrite', async (tx) => {
    const paperStore = tx.objectStore('papers');
    const highlightStore = tx.objectStore('highlights');
    const [storedPapers, storedHighlights] = await Promise.all([
      storedVersions(paperStore, records.papers),
      storedVersions(highlightStore, records.highlights),
    ]);
    const papers = mergeAll(records.papers, storedPapers, mergePaper);
    const highlights = mergeAll(records.highlights, storedHighlights, mergeHighlight);
    const changedPapers = [...papers.added, ...papers.updated];
    // Written without waiting for each put: the transaction commits them all, or none if one fails.
    putEach(paperStore, changedPapers);
    putEach(highlightStore, [...highlights.added, ...highlights.updated]);
    await updateDigestRows(tx.objectStore('digest'), new Map(changedPapers.map((paper) => [paper.id, paper])));
    return { papers, highlights };
  });
}

/** Past this many incoming records, the store's keys are listed first so that only records it has are read. */
const LIST_KEYS_FROM = 50;

/**
 * The stored record of each incoming one (same position; undefined when none). A restore into a new profile
 * brings thousands of records the store does not have: one request listing its keys spares a read of each.
 */
async function storedVersions<N extends 'papers' | 'highlights', T extends StoreValue<PaperlightSchema, N>>(
  store: AnyStore<N>,
  incoming: readonly T[],
): Promise<(T | undefined)[]> {
  let wanted: readonly T[] = incoming;
  if (incoming.length > LIST_KEYS_FROM) {
    const keys = new Set(await allKeys(store));
    wanted = incoming.filter((record) => keys.has(record.id));
  }
  const found = await getEach(store, wanted.map((record) => record.id));
  const byId = new Map(wanted.map((record, i) => [record.id, found[i] as T | undefined]));
  return incoming.map((record) => byId.get(record.id));
}

/**
 * Merge each incoming record with the stored one (same position in `stored`). Two incoming records with the
 * same id (a backup edited by hand) merge with each other first.
 */
function mergeAll<T extends { id: string }>(
  incoming: readonly T[],
  stored: readonly (T | undefined)[],
  merge: (stored: T | undefined, incoming: T) => T,
): MergeOutcome<T> {
  const before = new Map<string, T | undefined>();
  const after = new Map<string, T>();
  incoming.forEach((record, i) => {
    if (!before.has(record.id)) before.set(record.id, stored[i]);
    after.set(record.id, merge(after.get(record.id) ?? stored[i], record));
  });
  const outcome: MergeOutcome<T> = { added: [], updated: [], unchanged: 0 };
  for (const [id, record] of after) {
    const previous = before.get(id);
    if (!previous) outcome.added.push(record);
    else if (record !== previous) outcome.updated.push(record);
    else outcome.unchanged++;
  }
  return outcome;
}

/** Every saved paper, read in batches by key (exports and backups of the whole library). */
export async function readAllPapers(db: PaperlightDb, batchSize = 2_000): Promise<LibraryPaper[]> {
  const all: LibraryPaper[] = [];
  let range: IDBKeyRange | undefined;
  for (;;) {
    const batch = await db.getAll('papers', range, batchSize);
    all.push(...batch);
    const last = batch[batch.length - 1];
    if (!last || batch.length < batchSize) return all;
    range = IDBKeyRange.lowerBound(last.id, true);
  }
}

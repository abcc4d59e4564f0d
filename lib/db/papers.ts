import type { PaperId } from '../paper';
import type { PaperlightDb } from './open';
import type { LibraryPaper } from './schema';
import { getEach, lastOfIndex } from './bulk';
import { updateDigest } from './digest';
import { mergeResave, type PaperToSave } from './resave';
import { inTransaction } from './transaction';

/**
 * The `papers` store: one record per saved paper (lib/db/schema.ts LibraryPaper), key = paper id. Only the
 * background worker calls these; pages and the popup go through lib/messaging. Every write goes through
 * savePaper/removePaper (or another function here that also calls updateDigest): the digest must follow.
 */

/** Save or re-save a paper (idempotent, see mergeResave). Resolves with the stored record. */
export function savePaper(db: PaperlightDb, paper: PaperToSave, now = Date.now()): Promise<LibraryPaper> {
  return inTransaction(db, ['papers', 'digest'], 'readwrite', async (tx) => {
    const papers = tx.objectStore('papers');
    const stored = await papers.get(paper.id);
    const record = mergeResave(stored, paper, now);
    if (record !== stored) await Promise.all([papers.put(record), updateDigest(tx.objectStore('digest'), record.id, record)]);
    return record;
  });
}

/** Remove a saved paper. Resolves true when there was one to remove. */
export function removePaper(db: PaperlightDb, id: PaperId): Promise<boolean> {
  return inTransaction(db, ['papers', 'digest'], 'readwrite', async (tx) => {
    const papers = tx.objectStore('papers');
    if ((await papers.getKey(id)) === undefined) return false;
    await Promise.all([papers.delete(id), updateDigest(tx.objectStore('digest'), id, undefined)]);
    return true;
  });
}

/** The ids among `ids` that are saved, each once, in the order asked. */
export function savedIdsAmong(db: PaperlightDb, ids: readonly PaperId[]): Promise<PaperId[]> {
  const unique = [...new Set(ids)];
  return inTransaction(db, ['papers'], 'readonly', async (tx) => {
    // All lookups are queued at once: one round of the event loop instead of one per id.
    const keys = await Promise.all(unique.map((id) => tx.objectStore('papers').getKey(id)));
    return unique.filter((_id, i) => keys[i] !== undefined);
  });
}

export function getSavedPaper(db: PaperlightDb, id: PaperId): Promise<LibraryPaper | undefined> {
  return db.get('papers', id);
}

/** The saved records of `ids`, in that order; ids no longer saved are skipped. */
export function getSavedPapers(db: PaperlightDb, ids: readonly PaperId[]): Promise<LibraryPaper[]> {
  return inTransaction(db, ['papers'], 'readonly', async (tx) => {
    const papers = await getEach(tx.objectStore('papers'), ids);
    return papers.filter((paper): paper is LibraryPaper => paper !== undefined);
  });
}

export function countSavedPapers(db: PaperlightDb): Promise<number> {
  return db.count('papers');
}

/** A page starting further down than this is reached by a cursor skipping keys, not read from the top. */
const READ_PAST_AT_ONCE = 200;

/**
 * One page of the saved papers, newest first, with the total: read from the savedAt index, so the cost is
 * that of the page (plus skipping `offset` keys), not of the library. One request where the browser reads
 * an index backwards in one (Chromium), else a cursor: one request per record.
 */
export function listNewestSavedPapers(
  db: PaperlightDb,
  { offset, limit }: { offset: number; limit: number },
): Promise<{ total: number; items: LibraryPaper[] }> {
  return inTransaction(db, ['papers'], 'readonly', async (tx) => {
    const index = tx.objectStore('papers').index('by-savedAt');
    const newest = offset <= READ_PAST_AT_ONCE ? lastOfIndex(index, offset + limit) : undefined;
    if (newest) {
      const [total, records] = await Promise.all([tx.objectStore('papers').count(), newest]);
      return { total, items: records.slice(offset) };
    }
    const total = await tx.objectStore('papers').count();
    const items: LibraryPaper[] = [];
    let cursor = await index.openCursor(null, 'prev');
    if (cursor && offset > 0) cursor = await cursor.advance(offset);
    while (cursor && items.length < limit) {
      items.push(cursor.value);
      cursor = await cursor.continue();
    }
    return { total, items };
  });
}

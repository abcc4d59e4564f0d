import type { PaperId } from '../paper';
import type { PaperlightDb } from './open';
import type { StoredHighlight } from './schema';
import { inTransaction } from './transaction';

/**
 * The `highlights` store (issue 5): one record per highlight, key = its id, looked up by paper through the
 * `by-paper` index. Only the background worker calls these. A highlight is removed only by `deleteHighlight`,
 * that is by the user: one that cannot be placed on a page stays stored.
 */

/** What a page sends to create a highlight: the store adds the times. */
export type NewHighlight = Omit<StoredHighlight, 'createdAt' | 'updatedAt'>;

/** The fields a user may change after creating a highlight. */
export type HighlightChanges = Partial<Pick<StoredHighlight, 'color' | 'note'>>;

/**
 * Store a new highlight. Idempotent: the client resends a request whose reply was lost (MV3 stops the worker
 * at any moment), so a create for an id already stored answers with the stored record and changes nothing (an
 * edit made since is not undone by a late copy of the create).
 */
export function createHighlight(db: PaperlightDb, highlight: NewHighlight, now = Date.now()): Promise<StoredHighlight> {
  return inTransaction(db, ['highlights'], 'readwrite', async (tx) => {
    const store = tx.objectStore('highlights');
    const stored = await store.get(highlight.id);
    if (stored) return stored;
    const record: StoredHighlight = { ...highlight, createdAt: now, updatedAt: now };
    await store.put(record);
    return record;
  });
}

/** Change a highlight's colour or note. Resolves with the stored record, undefined when there is none. */
export function updateHighlight(db: PaperlightDb, id: string, changes: HighlightChanges, now = Date.now()): Promise<StoredHighlight | undefined> {
  return inTransaction(db, ['highlights'], 'readwrite', async (tx) => {
    const store = tx.objectStore('highlights');
    const stored = await store.get(id);
    if (!stored) return undefined;
    const record: StoredHighlight = { ...stored, ...definedOnly(changes) };
    if (record.color === stored.color && record.note === stored.note) return stored;
    record.updatedAt = Math.max(now, stored.updatedAt);
    await store.put(record);
    return record;
  });
}

/** Delete a highlight. Resolves with the record that was removed, undefined when there was none. */
export function deleteHighlight(db: PaperlightDb, id: string): Promise<StoredHighlight | undefined> {
  return inTransaction(db, ['highlights'], 'readwrite', async (tx) => {
    const store = tx.objectStore('highlights');
    const stored = await store.get(id);
    if (stored) await store.delete(id);
    return stored;
  });
}

export function getHighlight(db: PaperlightDb, id: string): Promise<StoredHighlight | undefined> {
  return db.get('highlights', id);
}

/** The highlights of these papers, oldest first (the order they are painted in: newer ones on top). */
export function highlightsOfPapers(db: PaperlightDb, paperIds: readonly PaperId[]): Promise<StoredHighlight[]> {
  const unique = [...new Set(paperIds)];
  return inTransaction(db, ['highlights'], 'readonly', async (tx) => {
    const index = tx.objectStore('highlights').index('by-paper');
    // All lookups queued at once: one round of the event loop, not one per paper.
    const lists = await Promise.all(unique.map((id) => index.getAll(id)));
    return lists.flat().sort(oldestFirst);
  });
}

/** Every highlight, oldest first (popup overview; backups). */
export async function allHighlights(db: PaperlightDb): Promise<StoredHighlight[]> {
  return (await db.getAll('highlights')).sort(oldestFirst);
}

function oldestFirst(a: StoredHighlight, b: StoredHighlight): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function definedOnly(changes: HighlightChanges): HighlightChanges {
  const defined: HighlightChanges = {};
  if (changes.color !== undefined) defined.color = changes.color;
  if (changes.note !== undefined) defined.note = changes.note;
  return defined;
}

import type { IDBPTransaction, StoreNames } from 'idb';
import type { PaperlightDb } from './open';
import type { PaperlightSchema } from './schema';

type StoreName = StoreNames<PaperlightSchema>;

export type PaperlightTransaction<
  Names extends ArrayLike<StoreName>,
  Mode extends IDBTransactionMode,
> = IDBPTransaction<PaperlightSchema, Names, Mode>;

/**
 * Run `work` in one transaction over `storeNames` and resolve once it has committed. `work` may await only
 * the IndexedDB requests of `tx`: awaiting anything else lets the transaction commit midway. When `work`
 * fails the transaction is aborted, so none of its writes land.
 */
export async function inTransaction<
  const Names extends ArrayLike<StoreName>,
  Mode extends IDBTransactionMode,
  T,
>(db: PaperlightDb, storeNames: Names, mode: Mode, work: (tx: PaperlightTransaction<Names, Mode>) => Promise<T>): Promise<T> {
  const tx = db.transaction(storeNames, mode);
  // tx.done carries commit failures (quota, aborts) that no single request reports. It is awaited last, but
  // handled from the start: it may reject while `work` is still running.
  tx.done.catch(() => {});
  try {
    const value = await work(tx);
    await tx.done;
    return value;
  } catch (error) {
    // Report the first failure (the request's own error), not the abort that followed it.
    abortQuietly(tx);
    throw error;
  }
}

/** Abort a transaction that may already have finished or been aborted by a failing request. */
export function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted by the failing request itself.
  }
}

import { unwrap, type IDBPIndex, type IDBPObjectStore, type StoreNames, type StoreValue } from 'idb';
import type { PaperlightSchema } from './schema';

/**
 * Many requests in one transaction without a promise per request. idb wraps every request in a promise with
 * two event listeners; for thousands of records (an import, the popup's page of 50, the highlights of 1,000
 * papers) that wrapping costs more main-thread time than the requests themselves. These issue the raw
 * requests at once and settle one promise when the last answers.
 */

type Name = StoreNames<PaperlightSchema>;
export type AnyStore<N extends Name> = IDBPObjectStore<PaperlightSchema, any, N, any>;

/** The values stored under `keys` (undefined where there is none), in the order of `keys`. */
export function getEach<N extends Name>(store: AnyStore<N>, keys: readonly IDBValidKey[]): Promise<(StoreValue<PaperlightSchema, N> | undefined)[]> {
  const raw = unwrap(store) as IDBObjectStore;
  return settleAll(keys.map((key) => raw.get(key)));
}

/**
 * Put every value, without waiting for each: the caller's transaction commits them all or none (a failed put
 * aborts the transaction, and `inTransaction` reports it).
 */
export function putEach<N extends Name>(store: AnyStore<N>, values: readonly StoreValue<PaperlightSchema, N>[]): void {
  const raw = unwrap(store) as IDBObjectStore;
  for (const value of values) raw.put(value);
}

/** Every key of the store (one request). */
export function allKeys<N extends Name>(store: AnyStore<N>): Promise<IDBValidKey[]> {
  return settle((unwrap(store) as IDBObjectStore).getAllKeys());
}

/**
 * The first `count` values of an index walked backwards (newest first for a date index), in one request
 * where the browser can (getAll with a direction: Chromium 141 and later), else undefined: walk a cursor.
 */
export function lastOfIndex<N extends Name>(
  index: IDBPIndex<PaperlightSchema, any, N, any, any>,
  count: number,
): Promise<StoreValue<PaperlightSchema, N>[]> | undefined {
  const raw = unwrap(index) as IDBIndex & { getAllRecords?: unknown; getAll(options: { direction: IDBCursorDirection; count: number }): IDBRequest };
  // getAllRecords came with the options form of getAll (query, count, direction); an older getAll would
  // take the options object for a key and fail.
  if (typeof raw.getAllRecords !== 'function') return undefined;
  return settle(raw.getAll({ direction: 'prev', count }));
}

function settle<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function settleAll<T>(requests: readonly IDBRequest<T>[]): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const results = new Array<T>(requests.length);
    let left = requests.length;
    if (left === 0) resolve(results);
    requests.forEach((request, i) => {
      request.onsuccess = () => {
        results[i] = request.result;
        if (--left === 0) resolve(results);
      };
      request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
    });
  });
}

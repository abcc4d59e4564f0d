import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, type PaperlightSchema } from './schema';
import { DB_VERSION, upgradeDatabase } from './upgrade';

export type PaperlightDb = IDBPDatabase<PaperlightSchema>;

export interface OpenOptions {
  name?: string;
  /** Older versions only in upgrade tests. */
  version?: number;
  /** The connection stopped being usable (a newer version needs it closed, or the browser dropped it). */
  onClosed?: () => void;
}

/** Open (creating or upgrading) the Paperlight database. */
export async function openPaperlightDb({ name = DB_NAME, version = DB_VERSION, onClosed }: OpenOptions = {}): Promise<PaperlightDb> {
  let connection: PaperlightDb | undefined;
  const opening = openDB<PaperlightSchema>(name, version, {
    upgrade: upgradeDatabase,
    // An updated extension opening a newer version waits for us: step aside so its upgrade can run.
    blocking() {
      connection?.close();
      onClosed?.();
    },
    terminated() {
      onClosed?.();
    },
  });
  connection = await opening;
  return connection;
}

/**
 * One connection shared by every request of this worker, opened on first use and opened again after it was
 * closed or failed to open (the next request retries instead of failing forever).
 */
export function lazyConnection(options: Omit<OpenOptions, 'onClosed'> = {}): () => Promise<PaperlightDb> {
  let current: Promise<PaperlightDb> | undefined;
  return () => {
    if (current) return current;
    const forgetThisOne = () => {
      if (current === opening) current = undefined;
    };
    const opening: Promise<PaperlightDb> = openPaperlightDb({ ...options, onClosed: forgetThisOne });
    opening.catch(forgetThisOne);
    current = opening;
    return opening;
  };
}

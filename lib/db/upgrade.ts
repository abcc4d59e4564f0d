import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { rebuildDigest } from './digest';
import type { PaperlightSchema } from './schema';
import { abortQuietly } from './transaction';

type UpgradeTransaction = IDBPTransaction<PaperlightSchema, StoreNames<PaperlightSchema>[], 'versionchange'>;
/** A step may be asynchronous when it moves data; it then awaits only requests of `tx`. */
type UpgradeStep = (db: IDBPDatabase<PaperlightSchema>, tx: UpgradeTransaction) => void | Promise<void>;

/**
 * The upgrade ladder: entry N-1 brings a database from version N-1 to version N. Append-only: a step that has
 * shipped is never edited, because users have databases it already ran on; change the schema by adding a step
 * (and a test in tests/unit/db/upgrade.test.ts that opens the previous version with data and upgrades it).
 * Data moves through `tx`, the versionchange transaction; a step never opens another connection.
 */
const UPGRADE_STEPS: readonly UpgradeStep[] = [
  // Version 1: saved papers, listed newest first.
  (db) => {
    const papers = db.createObjectStore('papers', { keyPath: 'id' });
    papers.createIndex('by-savedAt', 'savedAt');
  },
  // Version 2: look papers up by topic and by benchmark (one index key per array element). IndexedDB fills
  // new indexes from the records already stored.
  (_db, tx) => {
    const papers = tx.objectStore('papers');
    papers.createIndex('by-topic', 'topics', { multiEntry: true });
    papers.createIndex('by-benchmark', 'benchmarks', { multiEntry: true });
  },
  // Version 3: highlights (issue 5), looked up by the paper they belong to.
  (db) => {
    const highlights = db.createObjectStore('highlights', { keyPath: 'id' });
    highlights.createIndex('by-paper', 'paperId');
  },
  // Version 4: the digest (lib/db/digest.ts), filled from the papers already saved.
  async (db, tx) => {
    const digest = db.createObjectStore('digest', { keyPath: 'chunk' });
    await rebuildDigest(tx.objectStore('papers'), digest);
  },
  // Version 5 (issue 6): the reader's tags, note and read state live on the paper record (optional fields,
  // so stored records stay as they are); papers are looked up by tag; the digest rows gain the fields the
  // popup filters and sorts on (authors, tags, note, read and publication dates), so it is built again.
  async (_db, tx) => {
    const papers = tx.objectStore('papers');
    papers.createIndex('by-tag', 'tags', { multiEntry: true });
    await rebuildDigest(papers, tx.objectStore('digest'));
  },
];

/** The schema version this build of Paperlight opens. */
export const DB_VERSION = UPGRADE_STEPS.length;

/**
 * `upgrade` callback for idb's openDB: runs every step between the stored version and the requested one.
 * Tests open older versions (`newVersion` < DB_VERSION) to build the databases earlier releases left behind.
 */
export function upgradeDatabase(
  db: IDBPDatabase<PaperlightSchema>,
  oldVersion: number,
  newVersion: number | null,
  tx: UpgradeTransaction,
): void {
  const target = Math.min(newVersion ?? DB_VERSION, DB_VERSION);
  // Steps run in order; once one is asynchronous, the next ones wait for it (still inside `tx`).
  let previous: Promise<void> | undefined;
  for (let version = oldVersion + 1; version <= target; version++) {
    const step = UPGRADE_STEPS[version - 1]!;
    previous = previous ? previous.then(() => step(db, tx)) : (step(db, tx) ?? undefined);
  }
  // A failed step aborts the upgrade: the database stays at its old version and opening it fails, to be
  // tried again by the next request (lib/db/open.ts), instead of opening half upgraded.
  previous?.catch((error: unknown) => {
    console.error('Paperlight: the database upgrade failed and was rolled back', error);
    abortQuietly(tx);
  });
}

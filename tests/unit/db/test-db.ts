import { afterEach } from 'vitest';
import { openPaperlightDb, type PaperlightDb } from '../../../lib/db';

/** `openDb()` for the tests of this file: a fresh database (setup.ts) closed after each test. */
export function databasePerTest(): () => Promise<PaperlightDb> {
  let db: PaperlightDb | undefined;
  afterEach(() => db?.close());
  return async () => (db = await openPaperlightDb());
}

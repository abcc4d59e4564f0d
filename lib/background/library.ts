import {
  getSavedPapers,
  listNewestSavedPapers,
  readDigest,
  removePaper,
  savePaper,
  savedIdsAmong,
  type PaperlightDb,
  type PaperToSave,
} from '../db';
import type { LibraryPage, LibrarySummary } from '../messaging/protocol';
import type { PaperId, SavedPaper } from '../paper';
import { LibraryIndex } from './library-index';
import { queryWords } from './title-search';

/** The saved library as the request handlers see it: the store plus the in-memory index for the popup. */
export interface Library {
  savePaper(paper: PaperToSave): Promise<SavedPaper>;
  removePaper(id: PaperId): Promise<boolean>;
  savedIdsAmong(ids: readonly PaperId[]): Promise<PaperId[]>;
  summary(): Promise<LibrarySummary>;
  list(request: { query?: string; offset: number; limit: number }): Promise<LibraryPage>;
}

/**
 * `connect` gives the (shared) database connection. The index is built on the first summary or search
 * after the worker (re)starts: saves from pages never wait for it.
 */
export function createLibrary(connect: () => Promise<PaperlightDb>): Library {
  let index: LibraryIndex | undefined;
  let building: Promise<LibraryIndex> | undefined;

  function libraryIndex(): Promise<LibraryIndex> {
    if (index) return Promise.resolve(index);
    building ??= connect()
      .then(readDigest)
      .then(
        (facets) => (index = LibraryIndex.fromPapers(facets)),
        (error: unknown) => {
          building = undefined; // the next request tries again
          throw error;
        },
      );
    return building;
  }

  /**
   * Keep the index in step with a write that has committed. A build still reading may or may not have seen
   * the write, so the write is replayed once the build is done (upsert/remove are idempotent). With no index
   * and no build there is nothing to update: the build will read the store.
   */
  function afterWrite(update: (index: LibraryIndex) => void): void {
    if (index) update(index);
    else if (building) building.then(update, () => {});
  }

  return {
    async savePaper(paper) {
      const saved = await savePaper(await connect(), paper);
      afterWrite((current) => current.upsert(saved));
      return saved;
    },

    async removePaper(id) {
      const removed = await removePaper(await connect(), id);
      afterWrite((current) => current.remove(id));
      return removed;
    },

    async savedIdsAmong(ids) {
      return savedIdsAmong(await connect(), ids);
    },

    async summary() {
      return (await libraryIndex()).summary();
    },

    async list({ query, offset, limit }) {
      const db = await connect();
      const words = queryWords(query);
      if (words.length === 0) {
        // Before the index exists (the popup's first request after a worker restart) the savedAt index pages
        // by itself; once it exists, it reaches a deep page without walking the store to it.
        if (!index) return listNewestSavedPapers(db, { offset, limit });
        return { total: index.size, items: await getSavedPapers(db, index.newestIds(offset, limit)) };
      }
      const ids = (await libraryIndex()).idsWithTitleWords(words);
      return { total: ids.length, items: await getSavedPapers(db, ids.slice(offset, offset + limit)) };
    },
  };
}

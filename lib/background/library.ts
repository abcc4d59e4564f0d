import {
  editPaper,
  getSavedPapers,
  listNewestSavedPapers,
  mergeLibraryRecords,
  readAllPapers,
  readDigest,
  removePaper,
  savePaper,
  savedIdsAmong,
  takePaper,
  type LibraryMergeOutcome,
  type LibraryPaper,
  type PaperFacets,
  type PaperlightDb,
  type PaperToSave,
  type StoredHighlight,
} from '../db';
import type { PaperEdit } from '../library/edit';
import { parseQuery } from '../library/query';
import type { LibraryPage, LibrarySummary } from '../messaging/protocol';
import type { LibrarySearchPage, LibrarySort, LibraryStats, TagCount } from '../messaging/requests/library';
import type { PaperId } from '../paper';
import { LibraryIndex } from './library-index';
import { queryWords } from './title-search';

/**
 * The saved library as the request handlers (and sync, lib/sync) see it: the store plus the in-memory index
 * for the popup. Every write to saved papers goes through here, so that the index follows.
 */
export interface Library {
  savePaper(paper: PaperToSave): Promise<LibraryPaper>;
  removePaper(id: PaperId): Promise<boolean>;
  savedIdsAmong(ids: readonly PaperId[]): Promise<PaperId[]>;
  summary(): Promise<LibrarySummary>;
  list(request: { query?: string; offset: number; limit: number }): Promise<LibraryPage>;

  /** One page of the papers matching a query (lib/library/query.ts syntax) in `sort` order. */
  search(request: { query: string; sort: LibrarySort; offset: number; limit: number }): Promise<LibrarySearchPage>;
  /** Ids of every paper matching a query, in `sort` order. */
  idsMatching(query: string, sort: LibrarySort): Promise<PaperId[]>;
  stats(query: string, now?: number): Promise<LibraryStats>;
  tagCounts(): Promise<TagCount[]>;
  /** Every saved paper's facets (all but the abstract: tags, read time, updatedAt...), cheap even for 10,000. */
  allFacets(): Promise<PaperFacets[]>;
  /** Full records, in the order asked; ids not saved are left out. */
  getPapers(ids: readonly PaperId[]): Promise<LibraryPaper[]>;
  /** Full records of every saved paper, in `ids` order when given (exports). */
  readPapers(ids?: readonly PaperId[]): Promise<LibraryPaper[]>;
  /** Tags, note, read state. Undefined when the paper is not saved. `now` is the edit's time (sync passes its own). */
  editPaper(id: PaperId, edit: PaperEdit, now?: number): Promise<{ paper: LibraryPaper; changed: boolean } | undefined>;
  /** Remove and hand back the record removed (undo keeps it), undefined when it was not saved. */
  takePaper(id: PaperId): Promise<LibraryPaper | undefined>;
  /** Merge records in (restore, undo, sync): newer edit wins, nothing is removed; one transaction. */
  mergeRecords(records: { papers: readonly LibraryPaper[]; highlights: readonly StoredHighlight[] }): Promise<LibraryMergeOutcome>;
}

/** Past this many papers written at once, the index is rebuilt from the digest rather than patched paper by paper. */
const REBUILD_AFTER = 500;
/** Longest slice of search preparation after a build (a request arriving meanwhile waits at most this). */
const PREPARE_SLICE_MS = 8;
/** Full records kept in memory for the popup's pages (its first pages are asked again at every opening). */
const RECENT_RECORDS = 500;

/**
 * `connect` gives the (shared) database connection. The index is built on the first summary or search
 * after the worker (re)starts: saves from pages never wait for it.
 */
export function createLibrary(connect: () => Promise<PaperlightDb>): Library {
  let index: LibraryIndex | undefined;
  let building: Promise<LibraryIndex> | undefined;
  /** Bumped when the index is thrown away: a build started before must not install an outdated index. */
  let generation = 0;
  /**
   * The records of the pages the popup showed lately, oldest first, so that opening it again reads nothing
   * from IndexedDB (50 records there cost tens of milliseconds in Chromium). Every write forgets what it
   * changes; `writes` counts them, so that a read overlapping a write keeps nothing it may have read before.
   */
  const recent = new Map<PaperId, LibraryPaper>();
  let writes = 0;

  function libraryIndex(): Promise<LibraryIndex> {
    if (index) return Promise.resolve(index);
    if (building) return building;
    const started = generation;
    const build: Promise<LibraryIndex> = connect()
      .then(readDigest)
      .then(
        (facets) => {
          const built = LibraryIndex.fromPapers(facets);
          if (started === generation) {
            index = built;
            prepareSearchSoon(built);
          }
          if (building === build) building = undefined;
          return started === generation ? built : libraryIndex();
        },
        (error: unknown) => {
          if (building === build) building = undefined; // the next request tries again
          throw error;
        },
      );
    building = build;
    return build;
  }

  /**
   * Prepare the first search in slices between requests (the popup's typing should not pay for it), while
   * this index is the current one.
   */
  function prepareSearchSoon(built: LibraryIndex): void {
    const slice = () => {
      if (index === built && !built.prepareSearch(PREPARE_SLICE_MS)) setTimeout(slice, 0);
    };
    setTimeout(slice, 0);
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

  /** Forget the index (after a large import): the next request builds it from the digest. */
  function rebuildIndex(): void {
    generation++;
    index = undefined;
    building = undefined;
  }

  function forget(ids: Iterable<PaperId> | 'all'): void {
    writes++;
    if (ids === 'all') recent.clear();
    else for (const id of ids) recent.delete(id);
  }

  function remember(papers: readonly LibraryPaper[], writesBefore: number): void {
    if (writes !== writesBefore) return;
    for (const paper of papers) {
      recent.delete(paper.id);
      recent.set(paper.id, paper);
    }
    for (const id of recent.keys()) {
      if (recent.size <= RECENT_RECORDS) break;
      recent.delete(id);
    }
  }

  /** The records of one page of ids, in order (ids no longer saved left out): from memory, else the store. */
  async function pageOfPapers(db: PaperlightDb, ids: readonly PaperId[]): Promise<LibraryPaper[]> {
    const kept = new Map(ids.flatMap((id) => (recent.has(id) ? [[id, recent.get(id)!] as const] : [])));
    const missing = ids.filter((id) => !kept.has(id));
    if (missing.length > 0) {
      const writesBefore = writes;
      const read = await getSavedPapers(db, missing);
      for (const paper of read) kept.set(paper.id, paper);
      remember(read, writesBefore);
    }
    return ids.flatMap((id) => kept.get(id) ?? []);
  }

  /** A paper saved or changed (committed): the pages in memory and the index follow. */
  function written(paper: LibraryPaper): void {
    forget([paper.id]);
    afterWrite((current) => current.upsert(paper));
  }

  /** A paper removed (committed). */
  function gone(id: PaperId): void {
    forget([id]);
    afterWrite((current) => current.remove(id));
  }

  async function searchIds(query: string, sort: LibrarySort): Promise<{ ids: PaperId[]; problems: string[] }> {
    const parsed = parseQuery(query);
    return { ids: (await libraryIndex()).search(parsed, sort), problems: parsed.problems };
  }

  return {
    async savePaper(paper) {
      const saved = await savePaper(await connect(), paper);
      written(saved);
      return saved;
    },

    async removePaper(id) {
      const removed = await removePaper(await connect(), id);
      gone(id);
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

    async search({ query, sort, offset, limit }) {
      const db = await connect();
      if (!index && sort === 'saved' && query.trim() === '') {
        // The popup's first page after a worker restart does not wait for the index (see `list`).
        const writesBefore = writes;
        const page = await listNewestSavedPapers(db, { offset, limit });
        remember(page.items, writesBefore);
        return { ...page, problems: [] };
      }
      const { ids, problems } = await searchIds(query, sort);
      return { total: ids.length, items: await pageOfPapers(db, ids.slice(offset, offset + limit)), problems };
    },

    async idsMatching(query, sort) {
      return (await searchIds(query, sort)).ids;
    },

    async stats(query, now = Date.now()) {
      const { ids } = await searchIds(query, 'saved');
      return (await libraryIndex()).stats(ids, now);
    },

    async tagCounts() {
      return (await libraryIndex()).tagCounts();
    },

    async allFacets() {
      return (await libraryIndex()).allFacets();
    },

    async getPapers(ids) {
      return getSavedPapers(await connect(), ids);
    },

    async readPapers(ids) {
      // getAll in batches is many times faster than one get per paper; then put them in the order asked.
      const all = await readAllPapers(await connect());
      if (!ids) return all;
      const byId = new Map(all.map((paper) => [paper.id, paper]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    async editPaper(id, edit, now) {
      const outcome = await editPaper(await connect(), id, edit, now);
      if (outcome?.changed) written(outcome.paper);
      return outcome;
    },

    async takePaper(id) {
      const removed = await takePaper(await connect(), id);
      gone(id);
      return removed;
    },

    async mergeRecords(records) {
      const outcome = await mergeLibraryRecords(await connect(), records);
      const written = [...outcome.papers.added, ...outcome.papers.updated];
      if (written.length > REBUILD_AFTER) {
        forget('all');
        rebuildIndex();
      } else {
        forget(written.map((paper) => paper.id));
        afterWrite((current) => written.forEach((paper) => current.upsert(paper)));
      }
      return outcome;
    },
  };
}

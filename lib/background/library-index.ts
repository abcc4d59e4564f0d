import { facetsOf, type PaperFacets } from '../db';
import type { LibrarySummary } from '../messaging/protocol';
import type { PaperId } from '../paper';
import { normalizeForSearch, titleHasWords } from './title-search';

interface IndexedPaper extends PaperFacets {
  /** normalizeForSearch(title), computed by the first search (a summary never needs it). */
  searchableTitle?: string;
}

/** How many topics and benchmarks the summary names. */
export const SUMMARY_TOP = 6;

/**
 * The worker's in-memory view of the library for the popup: counts per topic and benchmark, the
 * newest-first order, and titles for search, so that no request walks 10,000 records. Built once per worker
 * lifetime from the digest (lib/db/digest.ts) and kept up to date by every write; `upsert` and `remove` are
 * idempotent, so replaying a write the build already saw is harmless.
 */
export class LibraryIndex {
  private readonly byId = new Map<PaperId, IndexedPaper>();
  /** Same order as walking the savedAt index backwards: savedAt descending, then id descending. */
  private readonly newestFirst: IndexedPaper[] = [];
  private readonly topicCounts = new Map<string, number>();
  private readonly benchmarkCounts = new Map<string, number>();
  private cachedSummary: LibrarySummary | undefined;
  private lastSearch: { query: string; ids: PaperId[] } | undefined;

  static fromPapers(papers: readonly PaperFacets[]): LibraryIndex {
    const index = new LibraryIndex();
    for (const paper of papers) {
      const entry: IndexedPaper = facetsOf(paper);
      if (index.byId.has(entry.id)) continue;
      index.byId.set(entry.id, entry);
      index.newestFirst.push(entry);
      index.count(entry, +1);
    }
    index.newestFirst.sort(newestFirst);
    return index;
  }

  get size(): number {
    return this.byId.size;
  }

  upsert(paper: PaperFacets): void {
    this.remove(paper.id);
    const entry: IndexedPaper = facetsOf(paper);
    this.byId.set(entry.id, entry);
    this.newestFirst.splice(this.insertionPoint(entry), 0, entry);
    this.count(entry, +1);
    this.changed();
  }

  remove(id: PaperId): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    this.byId.delete(id);
    this.newestFirst.splice(this.insertionPoint(entry), 1);
    this.count(entry, -1);
    this.changed();
  }

  summary(): LibrarySummary {
    this.cachedSummary ??= {
      count: this.byId.size,
      topTopics: mostFrequent(this.topicCounts).map(([id, count]) => ({ id, count })),
      topBenchmarks: mostFrequent(this.benchmarkCounts).map(([name, count]) => ({ name, count })),
    };
    return this.cachedSummary;
  }

  /** Ids of `limit` papers from position `offset` of the newest-first order. */
  newestIds(offset: number, limit: number): PaperId[] {
    return this.newestFirst.slice(offset, offset + limit).map((paper) => paper.id);
  }

  /** Ids of the papers whose title has every word, newest first. The last answer is kept for paging. */
  idsWithTitleWords(words: readonly string[]): PaperId[] {
    const query = words.join(' ');
    if (this.lastSearch?.query !== query) {
      const ids: PaperId[] = [];
      for (const paper of this.newestFirst) {
        paper.searchableTitle ??= normalizeForSearch(paper.title);
        if (titleHasWords(paper.searchableTitle, words)) ids.push(paper.id);
      }
      this.lastSearch = { query, ids };
    }
    return this.lastSearch.ids;
  }

  private changed(): void {
    this.cachedSummary = undefined;
    this.lastSearch = undefined;
  }

  private count(paper: IndexedPaper, delta: 1 | -1): void {
    // Distinct per paper: the counts say how many papers mention a topic, like the multiEntry indexes.
    for (const topic of new Set(paper.topics)) bump(this.topicCounts, topic, delta);
    for (const benchmark of new Set(paper.benchmarks)) bump(this.benchmarkCounts, benchmark, delta);
  }

  /** Binary search: where `paper` sits (or would sit) in `newestFirst`. */
  private insertionPoint(paper: IndexedPaper): number {
    let low = 0;
    let high = this.newestFirst.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (newestFirst(this.newestFirst[middle]!, paper) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

function newestFirst(a: PaperFacets, b: PaperFacets): number {
  if (a.savedAt !== b.savedAt) return b.savedAt - a.savedAt;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function bump(counts: Map<string, number>, key: string, delta: number): void {
  const next = (counts.get(key) ?? 0) + delta;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}

/** The SUMMARY_TOP most frequent keys; ties in alphabetical order so the summary does not flicker. */
function mostFrequent(counts: Map<string, number>): [string, number][] {
  return [...counts].sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b)).slice(0, SUMMARY_TOP);
}

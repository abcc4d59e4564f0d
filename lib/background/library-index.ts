import { facetsOf, type LibraryPaper, type PaperFacets } from '../db';
import type { LibrarySummary } from '../messaging/protocol';
import type { LibrarySort, LibraryStats, TagCount } from '../messaging/requests/library';
import type { PaperId } from '../paper';
import { publicationSortKey } from '../library/paper-fields';
import { compileQuery, searchableOf, type LibraryQuery, type SearchablePaper } from '../library/query';
import { normalizeForSearch, titleHasWords } from './title-search';

interface IndexedPaper extends PaperFacets {
  /** normalizeForSearch(title), computed by the first title search (a summary never needs it). */
  searchableTitle?: string;
  /** The normalized fields the query language matches, computed by the first search that needs them. */
  searchable?: SearchablePaper;
}

/** How many topics and benchmarks the summary names. */
export const SUMMARY_TOP = 6;
/** Topics the chart shows, and weeks it goes back (the current week included). */
export const CHART_TOPICS = 5;
export const CHART_WEEKS = 12;

/**
 * The worker's in-memory view of the library for the popup: counts per topic, benchmark and tag, the
 * newest-first order, and the searchable fields of every paper, so that no request walks 10,000 records.
 * Built once per worker lifetime from the digest (lib/db/digest.ts) and kept up to date by every write;
 * `upsert` and `remove` are idempotent, so replaying a write the build already saw is harmless.
 */
export class LibraryIndex {
  private readonly byId = new Map<PaperId, IndexedPaper>();
  /** Same order as walking the savedAt index backwards: savedAt descending, then id descending. */
  private readonly newestFirst: IndexedPaper[] = [];
  private readonly topicCounts = new Map<string, number>();
  private readonly benchmarkCounts = new Map<string, number>();
  private readonly tagCountsByTag = new Map<string, number>();
  private cachedSummary: LibrarySummary | undefined;
  private cachedPublishedOrder: IndexedPaper[] | undefined;
  private lastSearch: { key: string; ids: PaperId[] } | undefined;
  /** The chart of the last search (the popup asks for it with every refresh), for the week it was made in. */
  private lastStats: { ids: readonly PaperId[]; firstWeek: string; stats: LibraryStats } | undefined;
  /** Where `prepareSearch` goes on from in `newestFirst`. */
  private prepared = 0;

  static fromPapers(papers: readonly (PaperFacets | LibraryPaper)[]): LibraryIndex {
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

  upsert(paper: PaperFacets | LibraryPaper): void {
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

  /** The facets of one saved paper (no abstract), undefined when it is not saved. */
  facets(id: PaperId): PaperFacets | undefined {
    return this.byId.get(id);
  }

  /** Every saved paper's facets, newest first (sync's snapshot of the library). */
  allFacets(): PaperFacets[] {
    return [...this.newestFirst];
  }

  summary(): LibrarySummary {
    this.cachedSummary ??= {
      count: this.byId.size,
      topTopics: mostFrequent(this.topicCounts, SUMMARY_TOP).map(([id, count]) => ({ id, count })),
      topBenchmarks: mostFrequent(this.benchmarkCounts, SUMMARY_TOP).map(([name, count]) => ({ name, count })),
    };
    return this.cachedSummary;
  }

  /** Every tag in use with the number of papers carrying it, most used first (autocomplete). */
  tagCounts(): TagCount[] {
    return mostFrequent(this.tagCountsByTag, Infinity).map(([tag, count]) => ({ tag, count }));
  }

  /** Ids of `limit` papers from position `offset` of the newest-first order. */
  newestIds(offset: number, limit: number): PaperId[] {
    return this.newestFirst.slice(offset, offset + limit).map((paper) => paper.id);
  }

  /** Ids of the papers whose title has every word, newest first. The last answer is kept for paging. */
  idsWithTitleWords(words: readonly string[]): PaperId[] {
    return this.cachedSearch(`title:${words.join(' ')}`, () => {
      const ids: PaperId[] = [];
      for (const paper of this.newestFirst) {
        paper.searchableTitle ??= normalizeForSearch(paper.title);
        if (titleHasWords(paper.searchableTitle, words)) ids.push(paper.id);
      }
      return ids;
    });
  }

  /**
   * Ids of the papers matching a parsed query (lib/library/query.ts), in `sort` order: newest saved first,
   * or newest published first (papers whose date is unknown last, newest saved first among them). The last
   * answer is kept, so paging through it costs a slice.
   */
  search(query: LibraryQuery, sort: LibrarySort): PaperId[] {
    return this.cachedSearch(`${sort}:${JSON.stringify(query.terms)}`, () => {
      const compiled = compileQuery(query);
      const ordered = sort === 'published' ? this.publishedOrder() : this.newestFirst;
      if (compiled.everything) return ordered.map((paper) => paper.id);
      const ids: PaperId[] = [];
      for (const paper of ordered) {
        paper.searchable ??= searchableOf(paper);
        if (compiled.test(paper.searchable)) ids.push(paper.id);
      }
      return ids;
    });
  }

  /**
   * Work the first search would do, done ahead: the searchable fields of up to `budgetMs` worth of papers
   * (about 100 ms for 10,000, too long for a keystroke to wait). True when every paper has them. The worker
   * calls it in slices once the index is built (lib/background/library.ts); a paper added later gets its
   * fields from the search that first needs them.
   */
  prepareSearch(budgetMs: number, clock: () => number = () => performance.now()): boolean {
    const deadline = clock() + budgetMs;
    const papers = this.newestFirst;
    while (this.prepared < papers.length) {
      const end = Math.min(this.prepared + 100, papers.length);
      for (let i = this.prepared; i < end; i++) papers[i]!.searchable ??= searchableOf(papers[i]!);
      this.prepared = end;
      if (clock() >= deadline) break;
    }
    return this.prepared >= papers.length;
  }

  /**
   * The chart's numbers for a set of papers (the current search): papers per topic (the most frequent
   * CHART_TOPICS) and papers saved per week over the last CHART_WEEKS weeks, in local time. Dates are
   * compared as numbers against the weeks' bounds: a Date per paper cost ~100 ms for 10,000 in Chromium.
   */
  stats(ids: readonly PaperId[], now: number): LibraryStats {
    const { starts, bounds } = lastWeeks(now, CHART_WEEKS);
    if (this.lastStats?.ids === ids && this.lastStats.firstWeek === starts[0]) return this.lastStats.stats;
    const topics = new Map<string, number>();
    const weekCounts = new Array<number>(CHART_WEEKS).fill(0);
    const from = bounds[0]!;
    const until = bounds[CHART_WEEKS]!;
    for (const id of ids) {
      const paper = this.byId.get(id);
      if (!paper) continue;
      forEachDistinct(paper.topics, (topic) => bump(topics, topic, 1));
      const saved = paper.savedAt;
      if (saved < from || saved >= until) continue;
      let week = CHART_WEEKS - 1;
      while (saved < bounds[week]!) week--;
      weekCounts[week]!++;
    }
    const stats: LibraryStats = {
      total: ids.length,
      topics: mostFrequent(topics, CHART_TOPICS).map(([id, count]) => ({ id, count })),
      weeks: starts.map((start, i) => ({ start, count: weekCounts[i]! })),
    };
    this.lastStats = { ids, firstWeek: starts[0]!, stats };
    return stats;
  }

  private cachedSearch(key: string, run: () => PaperId[]): PaperId[] {
    if (this.lastSearch?.key !== key) this.lastSearch = { key, ids: run() };
    return this.lastSearch.ids;
  }

  private publishedOrder(): IndexedPaper[] {
    this.cachedPublishedOrder ??= this.newestFirst
      .map((paper) => ({ paper, key: publicationSortKey(paper) }))
      // Array.prototype.sort is stable: equal dates keep the newest-saved-first order.
      .sort((a, b) => (a.key === b.key ? 0 : a.key < b.key ? 1 : -1))
      .map(({ paper }) => paper);
    return this.cachedPublishedOrder;
  }

  private changed(): void {
    this.cachedSummary = undefined;
    this.cachedPublishedOrder = undefined;
    this.lastSearch = undefined;
    this.lastStats = undefined;
  }

  private count(paper: IndexedPaper, delta: 1 | -1): void {
    // Distinct per paper: the counts say how many papers mention a topic, like the multiEntry indexes.
    forEachDistinct(paper.topics, (topic) => bump(this.topicCounts, topic, delta));
    forEachDistinct(paper.benchmarks, (benchmark) => bump(this.benchmarkCounts, benchmark, delta));
    forEachDistinct(paper.tags, (tag) => bump(this.tagCountsByTag, tag, delta));
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

/** Each value of a short list once (a Set per paper costs more than the lists are long). */
function forEachDistinct(values: readonly string[], run: (value: string) => void): void {
  for (let i = 0; i < values.length; i++) if (values.indexOf(values[i]!) === i) run(values[i]!);
}

function bump(counts: Map<string, number>, key: string, delta: number): void {
  const next = (counts.get(key) ?? 0) + delta;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}

/** The `top` most frequent keys; ties in alphabetical order so that nothing flickers. */
function mostFrequent(counts: Map<string, number>, top: number): [string, number][] {
  return [...counts].sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b)).slice(0, top);
}

/** yyyy-mm-dd of the Monday starting the (local) week of `time`. */
export function weekStart(time: number): string {
  const day = new Date(time);
  day.setHours(0, 0, 0, 0);
  day.setDate(day.getDate() - ((day.getDay() + 6) % 7));
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/**
 * The Mondays of the last `count` weeks, oldest first, ending with the current week (`starts`, yyyy-mm-dd),
 * and their local midnights (`bounds`, ms) with the next Monday's last: week i is bounds[i] ≤ t < bounds[i+1].
 */
function lastWeeks(now: number, count: number): { starts: string[]; bounds: number[] } {
  const monday = new Date(now);
  monday.setHours(12, 0, 0, 0); // noon: a daylight-saving change never moves it to another day
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  const starts: string[] = [];
  const bounds: number[] = [];
  for (let i = 0; i <= count; i++) {
    const week = new Date(monday);
    week.setDate(monday.getDate() - 7 * (count - 1 - i));
    week.setHours(0, 0, 0, 0);
    bounds.push(week.getTime());
    if (i < count) starts.push(weekStart(week.getTime()));
  }
  return { starts, bounds };
}

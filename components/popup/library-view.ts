import { request } from '../../lib/messaging/client';
import type { LibrarySummary } from '../../lib/messaging/protocol';
import type { LibraryPaper, LibrarySort, LibraryStats, PaperEdit, TagCount } from '../../lib/messaging/requests/library';
import type { PaperId } from '../../lib/paper';
import { resendingUnanswered } from './resend';
import { pagesOf, type RowRange } from './virtual-window';

/**
 * Rows per 'library/search' request: two screenfuls (the popup shows 5 rows, 6 more either side are
 * rendered), never the whole library. Each row comes with its abstract (~2 KB): a larger page costs the
 * worker and the popup more time to read, send and parse than the first screen needs.
 */
export const PAGE_SIZE = 25;
/**
 * Page requests in flight at most. A fast scroll passes many pages; once a page arrives, the pages in view
 * *then* are asked for, so the ones scrolled past are never fetched.
 */
const MAX_PAGE_LOADS = 2;
/** How long "Undo" stays offered after a removal. */
export const UNDO_MS = 6_000;

/** Coalesces the refreshes a burst of changes asks for (a remove and its broadcast, several saves). */
const REFRESH_DELAY_MS = 60;

export interface LibraryViewState {
  /** Undefined until the first answer. */
  summary?: LibrarySummary;
  /** The search as last applied ('' = none), in the query language of lib/library/query.ts. */
  query: string;
  sort: LibrarySort;
  /** Number of saved papers matching the query; undefined until the first page arrives. */
  total?: number;
  /** What in the query could not be used, for the reader. */
  problems: string[];
  /** The chart's numbers for the current query. */
  stats?: LibraryStats;
  /** The latest failure to show; cleared when everything is fetched again (refresh, retry). */
  error?: string;
  /** Papers whose removal is in flight. */
  removing: ReadonlySet<PaperId>;
  /** The paper whose details are open. */
  expanded?: PaperId;
  /** The last removal, while it can be undone. */
  undo?: { paper: LibraryPaper; until: number };
  /** Tags in use (autocomplete); loaded when details are first opened. */
  tags?: TagCount[];
}

interface LoadedPage {
  generation: number;
  items: LibraryPaper[];
}

/**
 * The popup's model of the saved library: the summary and chart, and the list fetched page by page as the
 * virtualised list scrolls, so the popup never asks for (or holds) 10,000 papers at once. After a change
 * (an edit or removal here, a save in some tab) everything is fetched again; until the fresh pages arrive
 * the previous ones stay on screen instead of flashing empty rows.
 */
export class LibraryView {
  private current: LibraryViewState = { query: '', sort: 'saved', problems: [], removing: new Set() };
  private readonly listeners = new Set<() => void>();
  private readonly pages = new Map<number, LoadedPage>();
  private readonly loading = new Set<string>();
  /** Bumped by every refresh and search: answers to older requests are dropped. */
  private generation = 0;
  private visible: RowRange = { start: 0, end: PAGE_SIZE };
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private undoTimer: ReturnType<typeof setTimeout> | undefined;
  private started = false;
  /** `send` for the reads (summary, chart, pages, tags): sent again if their answer gets lost. */
  private readonly read: typeof request;

  constructor(
    private readonly send: typeof request = request,
    private readonly now: () => number = Date.now,
  ) {
    this.read = resendingUnanswered(send);
  }

  get state(): LibraryViewState {
    return this.current;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Row `index` of the list, or undefined while its page is loading. */
  paperAt(index: number): LibraryPaper | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.items[index % PAGE_SIZE];
  }

  /** Where a loaded paper sits in the list (for the expanded row), or -1. */
  indexOf(id: PaperId): number {
    for (const [page, { items }] of this.pages) {
      const at = items.findIndex((paper) => paper.id === id);
      if (at >= 0) return page * PAGE_SIZE + at;
    }
    return -1;
  }

  /**
   * First load: the summary, the chart and the first page, once (the list's own first `show` may have asked
   * for that page already: it is not asked twice).
   */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.show(this.visible);
    void this.loadSummary();
    void this.loadStats();
  }

  /** The list shows rows `range`: fetch the pages holding them that are missing or stale. */
  show(range: RowRange): void {
    this.visible = range;
    // An empty range (nothing known yet, or an empty result) still asks for page 0: its answer has the total.
    const pages = pagesOf(range, PAGE_SIZE);
    for (const page of pages.length > 0 ? pages : [0]) {
      if (this.pages.get(page)?.generation === this.generation || this.loading.has(`${this.generation}:${page}`)) continue;
      if (this.loadsInFlight() >= MAX_PAGE_LOADS) break; // asked for when a load ends, if still in view
      void this.loadPage(page);
    }
  }

  /** Apply a (debounced) search and/or sort. The rows of the previous search are dropped at once: they would mislead. */
  search(query: string, sort: LibrarySort = this.current.sort): void {
    const trimmed = query.trim();
    if (trimmed === this.current.query && sort === this.current.sort) return;
    this.generation++;
    this.pages.clear();
    this.update({ query: trimmed, sort, total: undefined, problems: [], expanded: undefined });
    // The page first: the worker answers in order, and the chart reuses the search the page made.
    this.show({ start: 0, end: PAGE_SIZE });
    void this.loadStats();
  }

  /** Fetch the summary, the chart and the visible pages again. */
  refresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.generation++;
    this.update({ error: undefined });
    this.show(this.visible);
    void this.loadSummary();
    void this.loadStats();
    if (this.current.tags) void this.loadTags();
  }

  /** Refresh shortly, once for a burst of changes. */
  refreshSoon(): void {
    if (this.refreshTimer === undefined) this.refreshTimer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  /** Open (or close, with undefined) a paper's details. */
  expand(id: PaperId | undefined): void {
    this.update({ expanded: id });
    if (id && !this.current.tags) void this.loadTags();
  }

  /**
   * Change a paper's tags, note or read state. The row shows the stored result at once (no refetch needed);
   * resolves whether it worked (a failure is also shown as the error).
   */
  async edit(id: PaperId, edit: PaperEdit): Promise<boolean> {
    const reply = await this.send('library/edit', { id, edit });
    if (!reply.ok) {
      this.update({ error: `Could not save the change. ${reply.error}` });
      return false;
    }
    this.replaceLoaded(reply.value);
    if (edit.tags || edit.addTags || edit.removeTags) void this.loadTags();
    // The counts (is:unread, tag: filters, chart) may have changed; the rows already show the edit.
    this.refreshSoon();
    return true;
  }

  /** Remove a saved paper, offering undo for UNDO_MS; resolves whether it worked. */
  async remove(id: PaperId): Promise<boolean> {
    this.update({ removing: new Set(this.current.removing).add(id) });
    const reply = await this.send('library/remove', { id });
    const removing = new Set(this.current.removing);
    removing.delete(id);
    if (!reply.ok) {
      this.update({ removing, error: `Could not remove the paper. ${reply.error}` });
      return false;
    }
    clearTimeout(this.undoTimer);
    const until = this.now() + UNDO_MS;
    this.update({
      removing,
      expanded: this.current.expanded === id ? undefined : this.current.expanded,
      undo: reply.value ? { paper: reply.value, until } : this.current.undo,
    });
    if (reply.value) this.undoTimer = setTimeout(() => this.update({ undo: undefined }), UNDO_MS);
    this.refreshSoon();
    return true;
  }

  /** Put the last removed paper back as it was (tags, note, read state, save date). */
  async undoRemove(): Promise<boolean> {
    const undo = this.current.undo;
    if (!undo) return false;
    clearTimeout(this.undoTimer);
    this.update({ undo: undefined });
    const reply = await this.send('library/restore', { paper: undo.paper });
    if (!reply.ok) {
      this.update({ error: `Could not put the paper back. ${reply.error}` });
      return false;
    }
    this.refreshSoon();
    return true;
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    clearTimeout(this.undoTimer);
    this.listeners.clear();
  }

  private replaceLoaded(paper: LibraryPaper): void {
    for (const page of this.pages.values()) {
      const at = page.items.findIndex((item) => item.id === paper.id);
      if (at >= 0) page.items = page.items.map((item, i) => (i === at ? paper : item));
    }
    this.update({});
  }

  private async loadSummary(): Promise<void> {
    const generation = this.generation;
    const reply = await this.read('library/summary', {});
    if (generation !== this.generation) return;
    this.update(reply.ok ? { summary: reply.value } : { error: `Could not load the summary. ${reply.error}` });
  }

  private async loadStats(): Promise<void> {
    const generation = this.generation;
    const reply = await this.read('library/stats', { query: this.current.query });
    // A failed chart is not worth an error of its own: the list's requests report the same failure.
    if (generation === this.generation && reply.ok) this.update({ stats: reply.value });
  }

  private async loadTags(): Promise<void> {
    const reply = await this.read('library/tags', {});
    if (reply.ok) this.update({ tags: reply.value });
  }

  private async loadPage(page: number): Promise<void> {
    const { generation } = this;
    const key = `${generation}:${page}`;
    if (this.loading.has(key)) return;
    this.loading.add(key);
    const { query, sort } = this.current;
    const reply = await this.read('library/search', { query, sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
    this.loading.delete(key);
    if (generation !== this.generation) return;
    if (!reply.ok) {
      this.update({ error: `Could not load saved papers. ${reply.error}` });
      return;
    }
    this.pages.set(page, { generation, items: reply.value.items });
    const { total, problems } = reply.value;
    // The same problems as before keep their array, so that the search bar need not render again.
    this.update({ total, problems: sameList(problems, this.current.problems) ? this.current.problems : problems });
    this.show(this.visible);
  }

  /** Page loads of the current search (answers to older ones are dropped: they hold back nothing). */
  private loadsInFlight(): number {
    let count = 0;
    for (const key of this.loading) if (key.startsWith(`${this.generation}:`)) count++;
    return count;
  }

  private update(change: Partial<LibraryViewState>): void {
    this.current = { ...this.current, ...change };
    for (const listener of this.listeners) listener();
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

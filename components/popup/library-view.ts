import { request } from '../../lib/messaging/client';
import type { LibrarySummary } from '../../lib/messaging/protocol';
import type { PaperId, SavedPaper } from '../../lib/paper';
import { pagesOf, type RowRange } from './virtual-window';

/** Rows per 'library/list' request: a screenful or two, never the whole library. */
export const PAGE_SIZE = 50;

/** Coalesces the refreshes a burst of changes asks for (a remove and its broadcast, several saves). */
const REFRESH_DELAY_MS = 60;

export interface LibraryViewState {
  /** Undefined until the first answer. */
  summary?: LibrarySummary;
  /** The search as last applied ('' = none). */
  query: string;
  /** Number of saved papers matching the query; undefined until the first page arrives. */
  total?: number;
  /** The latest failure to show; cleared when everything is fetched again (refresh, retry). */
  error?: string;
  /** Papers whose removal is in flight. */
  removing: ReadonlySet<PaperId>;
}

interface LoadedPage {
  generation: number;
  items: SavedPaper[];
}

/**
 * The popup's model of the saved library: the summary, and the saved list fetched page by page as the
 * virtualised list scrolls, so the popup never asks for (or holds) 10,000 papers at once. After a change
 * (a remove here, a save in some tab) everything is fetched again; until the fresh pages arrive the previous
 * ones stay on screen instead of flashing empty rows.
 */
export class LibraryView {
  private current: LibraryViewState = { query: '', removing: new Set() };
  private readonly listeners = new Set<() => void>();
  private readonly pages = new Map<number, LoadedPage>();
  private readonly loading = new Set<string>();
  /** Bumped by every refresh and search: answers to older requests are dropped. */
  private generation = 0;
  private visible: RowRange = { start: 0, end: PAGE_SIZE };
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly send: typeof request = request) {}

  get state(): LibraryViewState {
    return this.current;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Row `index` of the list, or undefined while its page is loading. */
  paperAt(index: number): SavedPaper | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.items[index % PAGE_SIZE];
  }

  /** First load: the summary and the first page. */
  start(): void {
    this.refresh();
  }

  /** The list shows rows `range`: fetch the pages holding them that are missing or stale. */
  show(range: RowRange): void {
    this.visible = range;
    // An empty range (nothing known yet, or an empty result) still asks for page 0: its answer has the total.
    const pages = pagesOf(range, PAGE_SIZE);
    for (const page of pages.length > 0 ? pages : [0]) {
      if (this.pages.get(page)?.generation !== this.generation) void this.loadPage(page);
    }
  }

  /** Apply a (debounced) search. The rows of the previous search are dropped at once: they would mislead. */
  search(query: string): void {
    const trimmed = query.trim();
    if (trimmed === this.current.query) return;
    this.generation++;
    this.pages.clear();
    this.update({ query: trimmed, total: undefined });
    this.show({ start: 0, end: PAGE_SIZE });
  }

  /** Fetch the summary and the visible pages again. */
  refresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.generation++;
    this.update({ error: undefined });
    void this.loadSummary();
    this.show(this.visible);
  }

  /** Refresh shortly, once for a burst of changes. */
  refreshSoon(): void {
    if (this.refreshTimer === undefined) this.refreshTimer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  /** Remove a saved paper; resolves whether it worked (a failure is also shown as the error). */
  async remove(id: PaperId): Promise<boolean> {
    this.update({ removing: new Set(this.current.removing).add(id) });
    const reply = await this.send('paper/remove', { id });
    const removing = new Set(this.current.removing);
    removing.delete(id);
    this.update(reply.ok ? { removing } : { removing, error: `Could not remove the paper. ${reply.error}` });
    if (reply.ok) this.refreshSoon();
    return reply.ok;
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.listeners.clear();
  }

  private async loadSummary(): Promise<void> {
    const generation = this.generation;
    const reply = await this.send('library/summary', {});
    if (generation !== this.generation) return;
    this.update(reply.ok ? { summary: reply.value } : { error: `Could not load the summary. ${reply.error}` });
  }

  private async loadPage(page: number): Promise<void> {
    const { generation } = this;
    const key = `${generation}:${page}`;
    if (this.loading.has(key)) return;
    this.loading.add(key);
    const query = this.current.query;
    const reply = await this.send('library/list', {
      ...(query ? { query } : {}),
      offset: page * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
    this.loading.delete(key);
    if (generation !== this.generation) return;
    if (!reply.ok) {
      this.update({ error: `Could not load saved papers. ${reply.error}` });
      return;
    }
    this.pages.set(page, { generation, items: reply.value.items });
    this.update({ total: reply.value.total });
  }

  private update(change: Partial<LibraryViewState>): void {
    this.current = { ...this.current, ...change };
    for (const listener of this.listeners) listener();
  }
}

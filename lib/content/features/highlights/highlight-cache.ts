/**
 * The tab's copy of the highlights of the papers it shows. Loaded per paper in batches ('highlight/list') as
 * entries appear, kept current by our own requests and by the background's 'highlight/changed' broadcasts
 * (a highlight made in another tab shows here). Listeners hear which paper changed.
 */
import type { StoredHighlight } from '../../../db/schema';
import type { PaperToSave } from '../../../db';
import type { Reply } from '../../../messaging/protocol';
import type { HighlightChanged, NewHighlight } from '../../../messaging/requests/highlights';
import type { PaperId } from '../../../paper';
import type { OnBroadcastFn, RequestFn } from '../../library-state';

/** Papers per 'highlight/list' request: a 2,000-entry listing asks in 10 messages. */
export const LIST_BATCH = 200;

/** After a failed list request, a paper is asked about again no sooner than this (ms): no request storm. */
export const RETRY_AFTER_MS = 10_000;

export class HighlightCache {
  private readonly byPaper = new Map<PaperId, Map<string, StoredHighlight>>();
  /** Papers whose list is on its way, with the changes broadcast meanwhile (applied after the list). */
  private readonly loading = new Map<PaperId, HighlightChanged[]>();
  private readonly unasked = new Set<PaperId>();
  private readonly listeners = new Set<(paperId: PaperId) => void>();
  /** When a list request for the paper last failed. */
  private readonly failedAt = new Map<PaperId, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failureLogged = false;

  constructor(
    private readonly request: RequestFn,
    onBroadcast: OnBroadcastFn,
    private readonly signal: AbortSignal,
    private readonly batchDelayMs = 30,
  ) {
    onBroadcast((message) => {
      if (message.type === 'highlight/changed') this.applyChange(message);
    }, signal);
    signal.addEventListener('abort', () => clearTimeout(this.timer), { once: true });
  }

  /** Load this paper's highlights soon (batched with the other papers appearing now). */
  want(paperId: PaperId): void {
    if (this.byPaper.has(paperId) || this.loading.has(paperId) || this.unasked.has(paperId)) return;
    if (Date.now() - (this.failedAt.get(paperId) ?? -Infinity) < RETRY_AFTER_MS) return;
    this.unasked.add(paperId);
    if (this.unasked.size >= LIST_BATCH) void this.load();
    else this.timer ??= setTimeout(() => void this.load(), this.batchDelayMs);
  }

  isLoaded(paperId: PaperId): boolean {
    return this.byPaper.has(paperId);
  }

  /** The paper's highlights, oldest first (empty until loaded). */
  forPaper(paperId: PaperId): StoredHighlight[] {
    return [...(this.byPaper.get(paperId)?.values() ?? [])].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  }

  get(paperId: PaperId, id: string): StoredHighlight | undefined {
    return this.byPaper.get(paperId)?.get(id);
  }

  onChange(listener: (paperId: PaperId) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ask for every paper waiting (tests call it to skip the batching delay). */
  async load(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const ids = [...this.unasked];
    this.unasked.clear();
    const batches: Promise<void>[] = [];
    for (let start = 0; start < ids.length; start += LIST_BATCH) batches.push(this.loadBatch(ids.slice(start, start + LIST_BATCH)));
    await Promise.all(batches);
  }

  async create(highlight: NewHighlight, paper: PaperToSave): Promise<Reply<StoredHighlight>> {
    const reply = await this.request('highlight/create', { highlight, paper });
    if (reply.ok) this.applyChange({ type: 'highlight/changed', paperId: reply.value.paperId, id: reply.value.id, highlight: reply.value });
    return reply;
  }

  async update(id: string, changes: { color?: string; note?: string }): Promise<Reply<StoredHighlight>> {
    const reply = await this.request('highlight/update', { id, ...changes });
    if (reply.ok) this.applyChange({ type: 'highlight/changed', paperId: reply.value.paperId, id, highlight: reply.value });
    return reply;
  }

  async remove(paperId: PaperId, id: string): Promise<Reply<boolean>> {
    const reply = await this.request('highlight/delete', { id });
    if (reply.ok) this.applyChange({ type: 'highlight/changed', paperId, id, highlight: null });
    return reply;
  }

  private async loadBatch(ids: PaperId[]): Promise<void> {
    for (const id of ids) this.loading.set(id, []);
    const reply = await this.request('highlight/list', { paperIds: ids });
    if (this.signal.aborted) return;
    if (!reply.ok) {
      const now = Date.now();
      for (const id of ids) {
        this.loading.delete(id);
        this.failedAt.set(id, now);
      }
      // Highlights stay unpainted (nothing is lost: they are stored); one line in the console, not one per paper.
      if (!this.failureLogged) console.warn(`Paperlight: could not load highlights: ${reply.error}`);
      this.failureLogged = true;
      return;
    }
    const lists = new Map<PaperId, Map<string, StoredHighlight>>(ids.map((id) => [id, new Map()]));
    for (const highlight of reply.value) lists.get(highlight.paperId)?.set(highlight.id, highlight);
    for (const id of ids) {
      const pending = this.loading.get(id) ?? [];
      this.loading.delete(id);
      this.failedAt.delete(id);
      const list = lists.get(id)!;
      this.byPaper.set(id, list);
      for (const change of pending) applyTo(list, change);
      if (list.size > 0) this.notify(id);
    }
  }

  private applyChange(change: HighlightChanged): void {
    const pending = this.loading.get(change.paperId);
    if (pending) {
      pending.push(change);
      return;
    }
    const list = this.byPaper.get(change.paperId);
    // A paper this tab has not asked about: its list, when asked for, will include the change.
    if (!list) return;
    if (applyTo(list, change)) this.notify(change.paperId);
  }

  private notify(paperId: PaperId): void {
    for (const listener of this.listeners) {
      try {
        listener(paperId);
      } catch (error) {
        console.warn('Paperlight: a highlight listener failed', error);
      }
    }
  }
}

/** Apply one change; false when it changes nothing (a repeated or older one). */
function applyTo(list: Map<string, StoredHighlight>, change: HighlightChanged): boolean {
  const known = list.get(change.id);
  if (change.highlight === null) return list.delete(change.id);
  // Broadcasts and replies for the same change both arrive; an older state never replaces a newer one.
  if (known && known.updatedAt > change.highlight.updatedAt) return false;
  if (known && JSON.stringify(known) === JSON.stringify(change.highlight)) return false;
  list.set(change.id, change.highlight);
  return true;
}

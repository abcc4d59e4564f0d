/**
 * The page's view of the library: for every paper id on the page, is it saved, and is a save/remove on
 * its way. One store per tab, shared by every toggle showing the same paper; fed by our own requests,
 * by batched 'paper/status' questions, and by the background's 'paper/changed' broadcasts (so a save
 * made in another tab shows here).
 */
import type { SaveState } from '../../components/badges/types';
import type { Extraction } from '../extract/types';
import type { Broadcast, Reply, RequestType, Requests } from '../messaging/protocol';
import type { PaperEntry, PaperId } from '../paper';

export type RequestFn = <K extends RequestType>(type: K, payload: Requests[K]['payload']) => Promise<Reply<Requests[K]['reply']>>;
export type OnBroadcastFn = (listener: (message: Broadcast) => void, signal?: AbortSignal) => void;

const UNKNOWN: SaveState = Object.freeze({ status: 'unknown', saved: false });

/** Ids per 'paper/status' message: a 2,000-entry page asks in 10 messages, not 2,000 or one huge one. */
export const STATUS_BATCH = 200;

export class LibraryState {
  private readonly states = new Map<PaperId, SaveState>();
  private readonly listeners = new Map<PaperId, Set<(state: SaveState) => void>>();
  private readonly unasked = new Set<PaperId>();
  private statusFailureLogged = false;
  private statusTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly request: RequestFn,
    onBroadcast: OnBroadcastFn,
    signal: AbortSignal,
  ) {
    // The background announces every change; it is the truth, also for a toggle of ours still pending.
    onBroadcast((message) => {
      if (message.type === 'paper/changed') this.set(message.id, stateFor(message.saved));
      // A big import or sync is announced once, not per paper: ask again about every paper on the page.
      else if (message.type === 'library/changed' && message.ids === 'many') this.recheckAll();
    }, signal);
    signal.addEventListener('abort', () => clearTimeout(this.statusTimer), { once: true });
  }

  get(id: PaperId): SaveState {
    return this.states.get(id) ?? UNKNOWN;
  }

  subscribe(id: PaperId, listener: (state: SaveState) => void): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
    };
  }

  /** Remember to ask whether `id` is saved (sent by `askStatus`, in batches). */
  queueStatus(id: PaperId): void {
    if (!this.states.has(id)) this.unasked.add(id);
  }

  /**
   * Ask about queued ids without a message per time slice: at once when a full batch is waiting or
   * `now` is set (the queue drained), else within `delayMs` of the first id still waiting (so the
   * toggles in view learn their state early on a big page).
   */
  askStatusSoon(now: boolean, delayMs = 150): void {
    if (now || this.unasked.size >= STATUS_BATCH) {
      void this.askStatus();
      return;
    }
    if (this.unasked.size > 0) this.statusTimer ??= setTimeout(() => void this.askStatus(), delayMs);
  }

  /** Ask the background about every queued id, in batches of STATUS_BATCH. */
  async askStatus(): Promise<void> {
    clearTimeout(this.statusTimer);
    this.statusTimer = undefined;
    if (this.unasked.size === 0) return;
    const ids = [...this.unasked];
    this.unasked.clear();
    const asking: Promise<void>[] = [];
    for (let start = 0; start < ids.length; start += STATUS_BATCH) {
      asking.push(this.askBatch(ids.slice(start, start + STATUS_BATCH)));
    }
    await Promise.all(asking);
  }

  /** Forget what we were told and ask about every known id again (toggles keep showing their state meanwhile). */
  recheckAll(): void {
    for (const [id, state] of this.states) if (state.status !== 'pending') this.unasked.add(id);
    void this.askStatus();
  }

  private async askBatch(ids: PaperId[]): Promise<void> {
    const asked = ids.map((id) => this.states.get(id));
    const reply = await this.request('paper/status', { ids });
    if (!reply.ok) {
      // Toggles stay "unknown" (shown unsaved, a click still works); one line in the console, not 2,000.
      if (!this.statusFailureLogged) console.warn(`Paperlight: could not ask which papers are saved: ${reply.error}`);
      this.statusFailureLogged = true;
      return;
    }
    const saved = new Set(reply.value);
    ids.forEach((id, i) => {
      // An answer to an old question must not overwrite a click or broadcast that came since.
      if (this.states.get(id) === asked[i]) this.set(id, stateFor(saved.has(id)));
    });
  }

  /**
   * Save or remove a paper, as the toggle asks. The toggle shows pending, then the confirmed state, or
   * the error with the previous state kept (a failed save never shows as saved).
   */
  async toggle(paper: PaperEntry, extraction: Extraction): Promise<void> {
    const before = this.get(paper.id);
    if (before.status === 'pending') return;
    const save = !before.saved;
    this.set(paper.id, { status: 'pending', saved: before.saved });
    const reply = save
      ? await this.request('paper/save', { paper: savedPaperPayload(paper, extraction) })
      : await this.request('paper/remove', { id: paper.id });
    // A broadcast may have confirmed it already; the reply is the answer to this click either way.
    if (reply.ok) this.set(paper.id, stateFor(save));
    else this.set(paper.id, { status: 'error', saved: before.saved, error: reply.error });
  }

  private set(id: PaperId, state: SaveState): void {
    this.states.set(id, state);
    this.unasked.delete(id);
    for (const listener of this.listeners.get(id) ?? []) listener(state);
  }
}

function stateFor(saved: boolean): SaveState {
  return { status: saved ? 'saved' : 'unsaved', saved };
}

/** What a save sends: the entry as read, with the extraction's topic ids and benchmark names. */
export function savedPaperPayload(paper: PaperEntry, extraction: Extraction): Requests['paper/save']['payload']['paper'] {
  return {
    ...paper,
    topics: extraction.topics.map((topic) => topic.id),
    benchmarks: extraction.benchmarks.map((benchmark) => benchmark.name),
  };
}

import type { PaperId, SavedPaper } from '../paper';

/**
 * The one message protocol between content scripts / popup and the background worker, which owns
 * IndexedDB. Every request is `{type, ...}`; every reply is a `Reply<T>` so that a failure travels
 * back as data (and shows as "failed" in the UI) instead of as an unhandled rejection.
 *
 * Add a request: one line in `Requests` (its payload and reply type), one handler in the background.
 */
export interface Requests {
  /** Save (or re-save, idempotent) a paper. Replies with the stored record. */
  'paper/save': { payload: { paper: Omit<SavedPaper, 'savedAt' | 'updatedAt'> }; reply: SavedPaper };
  /** Remove a saved paper. Replies true when something was removed. */
  'paper/remove': { payload: { id: PaperId }; reply: boolean };
  /** Which of these ids are saved. */
  'paper/status': { payload: { ids: PaperId[] }; reply: PaperId[] };
  /** Counts and top topics/benchmarks for the popup header. */
  'library/summary': { payload: Record<string, never>; reply: LibrarySummary };
  /** One page of the saved list, newest first, optionally filtered by words in the title. */
  'library/list': { payload: { query?: string; offset: number; limit: number }; reply: LibraryPage };
}

export type RequestType = keyof Requests;
export type Request<K extends RequestType = RequestType> = K extends RequestType
  ? { type: K } & Requests[K]['payload']
  : never;
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export interface LibrarySummary {
  count: number;
  topTopics: { id: string; count: number }[];
  topBenchmarks: { name: string; count: number }[];
}

export interface LibraryPage {
  /** Total matching the query (for the virtualised list's height). */
  total: number;
  items: SavedPaper[];
}

/** Sent by the background to every tab (and the popup) after a change, so open pages stay in sync. */
export type Broadcast = { type: 'paper/changed'; id: PaperId; saved: boolean };

export function isBroadcast(message: unknown): message is Broadcast {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'paper/changed';
}

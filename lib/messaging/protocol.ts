import type { HighlightBroadcast, HighlightRequests } from './requests/highlights';
import type { LibraryRequests, LibraryBroadcast } from './requests/library';
import type { PaperChanged, PaperRequests } from './requests/papers';

export type { LibraryPage, LibrarySummary, PaperChanged } from './requests/papers';

/**
 * The one message protocol between content scripts / popup and the background worker, which owns
 * IndexedDB. Every request is `{type, ...}`; every reply is a `Reply<T>` so that a failure travels
 * back as data (and shows as "failed" in the UI) instead of as an unhandled rejection.
 *
 * Requests are declared per domain in ./requests/ (papers, highlights, library). Add a request: one line in
 * that domain's interface (payload and reply type), a payload reader in lib/background/payloads/ and a
 * handler in lib/background/handlers/.
 */
export interface Requests extends PaperRequests, HighlightRequests, LibraryRequests {}

export type RequestType = keyof Requests;
export type Request<K extends RequestType = RequestType> = K extends RequestType
  ? { type: K } & Requests[K]['payload']
  : never;
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Sent by the background to every tab (and the popup) after a change, so open pages stay in sync.
 * Every broadcast's type ends in "/changed"; no request's type does.
 */
export type Broadcast = PaperChanged | HighlightBroadcast | LibraryBroadcast;

export function isBroadcast(message: unknown): message is Broadcast {
  if (typeof message !== 'object' || message === null) return false;
  const type = (message as { type?: unknown }).type;
  return typeof type === 'string' && type.endsWith('/changed');
}

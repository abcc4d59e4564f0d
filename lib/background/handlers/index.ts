import type { PaperlightDb } from '../../db';
import type { Broadcast, Requests } from '../../messaging/protocol';
import type { Library } from '../library';
import { highlightHandlers } from './highlights';
import { libraryHandlers } from './library';
import { paperHandlers } from './papers';

/** One handler per request type of a domain, answering its checked payload. */
export type Handlers<Domain> = {
  [K in keyof Domain]: Domain[K] extends { payload: infer P; reply: infer R } ? (payload: P) => Promise<R> : never;
};
export type RequestHandlers = Handlers<Requests>;

/** What handlers work with: the saved library (store + in-memory index), the database, and the broadcaster. */
export interface HandlerContext {
  library: Library;
  connect: () => Promise<PaperlightDb>;
  announce: (change: Broadcast) => void;
}

/** Every request of lib/messaging/protocol.ts, one domain file each. */
export function createRequestHandlers(context: HandlerContext): RequestHandlers {
  return { ...paperHandlers(context), ...highlightHandlers(context), ...libraryHandlers(context) };
}

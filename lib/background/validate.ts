import type { RequestType, Requests } from '../messaging/protocol';
import { highlightPayloadReaders } from './payloads/highlights';
import { libraryPayloadReaders } from './payloads/library';
import { paperPayloadReaders } from './payloads/papers';

export { InvalidRequest } from './payloads/read';

/** One reader per request type of a domain: checks a raw message and rebuilds its payload field by field. */
export type PayloadReaders<Domain> = {
  [K in keyof Domain]: (message: Record<string, unknown>) => Domain[K] extends { payload: infer P } ? P : never;
};

const PAYLOAD_READERS: PayloadReaders<Requests> = {
  ...paperPayloadReaders,
  ...highlightPayloadReaders,
  ...libraryPayloadReaders,
};

export function isRequestType(type: string): type is RequestType {
  return Object.hasOwn(PAYLOAD_READERS, type);
}

/** The checked payload of a request, or throws InvalidRequest saying what is wrong. */
export function readPayload<K extends RequestType>(type: K, message: Record<string, unknown>): Requests[K]['payload'] {
  return PAYLOAD_READERS[type](message) as Requests[K]['payload'];
}

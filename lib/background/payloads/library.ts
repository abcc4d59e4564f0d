import type { LibraryRequests } from '../../messaging/requests/library';
import type { PayloadReaders } from '../validate';

/** Payload readers for the library requests (issue 6). */
export const libraryPayloadReaders: PayloadReaders<LibraryRequests> = {};

import type { HighlightRequests } from '../../messaging/requests/highlights';
import type { PayloadReaders } from '../validate';

/** Payload readers for the highlight requests (issue 5). */
export const highlightPayloadReaders: PayloadReaders<HighlightRequests> = {};

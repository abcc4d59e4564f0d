import type { HighlightRequests } from '../../messaging/requests/highlights';
import type { HandlerContext, Handlers } from './index';

/** Highlight requests (issue 5). */
export function highlightHandlers(_context: HandlerContext): Handlers<HighlightRequests> {
  return {};
}

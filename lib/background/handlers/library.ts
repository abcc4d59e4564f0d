import type { LibraryRequests } from '../../messaging/requests/library';
import type { HandlerContext, Handlers } from './index';

/** Library requests: tags, notes, read state, exports, backup, settings, sync (issue 6). */
export function libraryHandlers(_context: HandlerContext): Handlers<LibraryRequests> {
  return {};
}

import type { PaperRequests } from '../../messaging/requests/papers';
import type { HandlerContext, Handlers } from './index';

/**
 * Saving and listing papers. Payloads arrive checked (lib/background/payloads). Every handler is idempotent,
 * because the client resends a request whose reply was lost when MV3 stopped the worker; `announce` tells
 * open pages about each change (repeating an announcement is harmless too).
 */
export function paperHandlers({ library, announce }: HandlerContext): Handlers<PaperRequests> {
  return {
    'paper/save': async ({ paper }) => {
      const saved = await library.savePaper(paper);
      announce({ type: 'paper/changed', id: saved.id, saved: true });
      return saved;
    },
    'paper/remove': async ({ id }) => {
      const removed = await library.removePaper(id);
      // Also when nothing was removed: a resent remove may find the first attempt already done.
      announce({ type: 'paper/changed', id, saved: false });
      return removed;
    },
    'paper/status': ({ ids }) => library.savedIdsAmong(ids),
    'library/summary': () => library.summary(),
    'library/list': (request) => library.list(request),
  };
}

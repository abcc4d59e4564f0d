/**
 * One paper's highlights for the popup: loaded from the worker, kept current by 'highlight/changed'
 * broadcasts (a highlight made, edited or deleted in any tab shows at once), edited and deleted through it.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { StoredHighlight } from '../../../lib/db/schema';
import { onBroadcast as onBroadcastFromBackground, request as requestToBackground } from '../../../lib/messaging/client';
import type { Reply } from '../../../lib/messaging/protocol';
import type { OnBroadcastFn, RequestFn } from '../../../lib/content/library-state';
import type { PaperId } from '../../../lib/paper';

export interface PaperHighlightsState {
  /** Oldest first; undefined while loading. */
  highlights: StoredHighlight[] | undefined;
  /** Why loading failed. */
  error?: string;
  update(id: string, changes: { color?: string; note?: string }): Promise<Reply<StoredHighlight>>;
  remove(id: string): Promise<Reply<boolean>>;
}

export interface MessagingDeps {
  request?: RequestFn;
  onBroadcast?: OnBroadcastFn;
}

export function usePaperHighlights(paperId: PaperId, { request = requestToBackground, onBroadcast = onBroadcastFromBackground }: MessagingDeps = {}): PaperHighlightsState {
  const [highlights, setHighlights] = useState<StoredHighlight[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    const stop = new AbortController();
    const changes: ((list: StoredHighlight[]) => StoredHighlight[])[] = [];
    let loaded = false;
    const apply = (change: (list: StoredHighlight[]) => StoredHighlight[]) => {
      if (loaded) setHighlights((list) => change(list ?? []));
      else changes.push(change); // replayed on the list once it arrives
    };
    onBroadcast((message) => {
      if (message.type !== 'highlight/changed' || message.paperId !== paperId) return;
      const { id, highlight } = message;
      apply((list) => (highlight ? upsert(list, highlight) : list.filter((item) => item.id !== id)));
    }, stop.signal);
    void request('highlight/list', { paperIds: [paperId] }).then((reply) => {
      if (stop.signal.aborted) return;
      loaded = true;
      if (!reply.ok) {
        setError(reply.error);
        setHighlights([]);
        return;
      }
      setError(undefined);
      setHighlights(changes.reduce((list, change) => change(list), reply.value));
    });
    return () => stop.abort();
  }, [paperId, request, onBroadcast]);

  const update = useCallback(
    async (id: string, changes: { color?: string; note?: string }) => {
      const reply = await request('highlight/update', { id, ...changes });
      if (reply.ok) setHighlights((list) => upsert(list ?? [], reply.value));
      return reply;
    },
    [request],
  );
  const remove = useCallback(
    async (id: string) => {
      const reply = await request('highlight/delete', { id });
      if (reply.ok) setHighlights((list) => (list ?? []).filter((item) => item.id !== id));
      return reply;
    },
    [request],
  );
  return { highlights, error, update, remove };
}

/** The list with `highlight` in it (replacing an older state of it), oldest first. */
function upsert(list: StoredHighlight[], highlight: StoredHighlight): StoredHighlight[] {
  const known = list.find((item) => item.id === highlight.id);
  if (known && known.updatedAt > highlight.updatedAt) return list;
  const next = list.filter((item) => item.id !== highlight.id);
  next.push(highlight);
  return next.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

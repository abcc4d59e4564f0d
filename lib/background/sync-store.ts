/**
 * The library as the sync engine sees it (lib/sync/local-store.ts), over the worker's Library (so the popup's
 * index follows every change) and the highlights store; every change that came from another browser is
 * announced to open pages and the popup, like a change made here.
 */
import { allHighlights, deleteHighlight } from '../db/highlights';
import type { LibraryPaper, StoredHighlight } from '../db/schema';
import type { PaperlightDb } from '../db';
import type { Broadcast } from '../messaging/protocol';
import type { PaperId } from '../paper';
import type { LocalChange, SyncLocalStore } from '../sync/local-store';
import { paperLinkOf } from '../sync/paper-url';
import { highlightKey, paperKey, type HighlightState, type PaperState } from '../sync/records';
import type { Library } from './library';

export interface SyncStoreDeps {
  library: Library;
  connect: () => Promise<PaperlightDb>;
  /** Tell open pages (not the sync engine: these changes are sync's own). */
  broadcast: (change: Broadcast) => void;
  now?: () => number;
}

export function createSyncStore({ library, connect, broadcast, now = Date.now }: SyncStoreDeps): SyncLocalStore {
  return {
    async snapshot() {
      const [facets, highlights] = await Promise.all([library.allFacets(), connect().then(allHighlights)]);
      return {
        papers: facets.map((paper) => ({
          id: paper.id,
          savedAt: paper.savedAt,
          updatedAt: paper.updatedAt,
          tags: paper.tags,
          read: paper.readAt !== undefined,
          details: { title: paper.title, topics: paper.topics, benchmarks: paper.benchmarks },
        })),
        highlights,
      };
    },

    async apply(changes) {
      const failed = new Set<string>();
      const edited: PaperId[] = [];
      const newPapers: LibraryPaper[] = [];
      const highlightPuts: StoredHighlight[] = [];
      const attempt = async (key: string, work: () => Promise<void>) => {
        try {
          await work();
        } catch (error) {
          console.warn(`Paperlight: sync could not apply ${key}`, error);
          failed.add(key);
        }
      };
      for (const change of changes) {
        if (change.type === 'put-paper' && change.existing) {
          const { paper } = change;
          await attempt(paperKey(paper.id), async () => {
            const outcome = await library.editPaper(paper.id, { tags: paper.tags, read: paper.read }, now());
            if (!outcome) throw new Error('the paper is no longer saved');
            if (outcome.changed) edited.push(paper.id);
          });
        } else if (change.type === 'put-paper') {
          newPapers.push(libraryPaperOf(change.paper, now()));
        } else if (change.type === 'remove-paper') {
          await attempt(paperKey(change.id), async () => {
            await library.removePaper(change.id);
            broadcast({ type: 'paper/changed', id: change.id, saved: false });
          });
        } else if (change.type === 'put-highlight') {
          highlightPuts.push(storedHighlightOf(change.highlight));
        } else {
          await attempt(highlightKey(change.id), async () => {
            const removed = await deleteHighlight(await connect(), change.id);
            if (removed) broadcast({ type: 'highlight/changed', paperId: removed.paperId, id: change.id, highlight: null });
          });
        }
      }
      if (newPapers.length > 0 || highlightPuts.length > 0) {
        // One transaction for everything new: a first sync brings hundreds of papers.
        try {
          const outcome = await library.mergeRecords({ papers: newPapers, highlights: highlightPuts });
          for (const paper of outcome.papers.added) broadcast({ type: 'paper/changed', id: paper.id, saved: true });
          edited.push(...outcome.papers.updated.map((paper) => paper.id));
          for (const highlight of [...outcome.highlights.added, ...outcome.highlights.updated]) {
            broadcast({ type: 'highlight/changed', paperId: highlight.paperId, id: highlight.id, highlight });
          }
        } catch (error) {
          console.warn('Paperlight: sync could not add papers and highlights', error);
          for (const paper of newPapers) failed.add(paperKey(paper.id));
          for (const highlight of highlightPuts) failed.add(highlightKey(highlight.id));
        }
      }
      if (edited.length > 0) broadcast({ type: 'library/changed', ids: edited });
      return failed;
    },
  };
}

/** A library record for a paper known only from sync: its link from its id, its details when synced. */
function libraryPaperOf(paper: PaperState, now: number): LibraryPaper {
  const record: LibraryPaper = {
    id: paper.id,
    ...paperLinkOf(paper.id),
    title: paper.details?.title || paper.id,
    authors: [],
    abstract: '',
    topics: paper.details?.topics ?? [],
    benchmarks: paper.details?.benchmarks ?? [],
    savedAt: paper.savedAt,
    updatedAt: now,
    tags: paper.tags,
  };
  if (paper.read) record.readAt = now;
  return record;
}

/** A synced highlight as issue 5's store keeps it (W3C selector objects). */
function storedHighlightOf(highlight: HighlightState): StoredHighlight {
  return {
    ...highlight,
    quote: { type: 'TextQuoteSelector', ...highlight.quote },
    position: { type: 'TextPositionSelector', ...highlight.position },
  };
}

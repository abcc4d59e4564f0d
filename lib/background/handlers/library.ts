import { allHighlights } from '../../db/highlights';
import { readBackup } from '../../library/backup';
import { readAllSettings, restoreSettings, settingParsers } from '../../library/settings-backup';
import type { ExportPlan, ImportOutcome, LibraryRequests, LibrarySort } from '../../messaging/requests/library';
import type { PaperId } from '../../paper';
import type { HandlerContext, Handlers } from './index';

/** Past this many papers, an import is announced as one "many changed" instead of paper by paper. */
const ANNOUNCE_EACH_UP_TO = 200;

/**
 * Library requests (issue 6): search, the reader's edits, removal with undo, exports and backup restore.
 * Payloads arrive checked (lib/background/payloads/library.ts). Every change is announced, so open pages and
 * the popup follow: 'paper/changed' when a paper enters or leaves the library, 'library/changed' when the
 * reader's data on it changes.
 */
export function libraryHandlers({ library, connect, announce }: HandlerContext): Handlers<LibraryRequests> {
  const changedMany = (ids: PaperId[]) => {
    if (ids.length > 0) announce({ type: 'library/changed', ids: ids.length > ANNOUNCE_EACH_UP_TO ? 'many' : ids });
  };

  /** The ids of the papers to export, in order, with the highlights and settings that go with them. */
  const exportPlan = async (query: string, sort: LibrarySort): Promise<ExportPlan> => {
    const ids = await library.idsMatching(query, sort);
    const [highlights, settings] = await Promise.all([connect().then(allHighlights), readAllSettings()]);
    // The whole library's backup keeps every highlight, also those of papers removed since (they are kept
    // in the store too); a filtered export keeps those of its papers.
    const exported = new Set(ids);
    return { ids, highlights: query.trim() ? highlights.filter((h) => exported.has(h.paperId)) : highlights, settings };
  };

  return {
    'library/search': (request) => library.search(request),
    'library/stats': ({ query }) => library.stats(query),
    'library/get': ({ ids }) => library.getPapers(ids),
    'library/tags': () => library.tagCounts(),

    'library/edit': async ({ id, edit }) => {
      const outcome = await library.editPaper(id, edit);
      if (!outcome) throw new Error('this paper is no longer saved (removed in another tab?)');
      if (outcome.changed) announce({ type: 'library/changed', ids: [id] });
      return outcome.paper;
    },

    'library/remove': async ({ id }) => {
      const removed = await library.takePaper(id);
      // Also when nothing was removed: a resent remove may find the first attempt already done.
      announce({ type: 'paper/changed', id, saved: false });
      return removed ?? null;
    },

    'library/restore': async ({ paper }) => {
      // Put back as it was, but as an edit of now: sync and merges must see the paper's return as newer than
      // its removal.
      const outcome = await library.mergeRecords({ papers: [{ ...paper, updatedAt: Math.max(Date.now(), paper.updatedAt) }], highlights: [] });
      const [restored] = await library.getPapers([paper.id]);
      if (!restored) throw new Error('the paper could not be put back');
      if (outcome.papers.added.length > 0) announce({ type: 'paper/changed', id: paper.id, saved: true });
      changedMany([paper.id]);
      return restored;
    },

    'library/export-data': async ({ query, sort }) => {
      const { ids, ...rest } = await exportPlan(query, sort);
      return { papers: await library.readPapers(ids), ...rest };
    },

    'library/export-plan': ({ query, sort }) => exportPlan(query, sort),

    'library/import': async ({ text }): Promise<ImportOutcome> => {
      const reading = readBackup(text, settingParsers());
      if (!reading.ok) return { imported: false, problem: reading.problem };
      const { backup } = reading;
      const outcome = await library.mergeRecords({ papers: backup.papers, highlights: backup.highlights });
      const settings = await restoreSettings(backup.settings);

      const added = outcome.papers.added.map((paper) => paper.id);
      if (added.length <= ANNOUNCE_EACH_UP_TO) for (const id of added) announce({ type: 'paper/changed', id, saved: true });
      changedMany([...added, ...outcome.papers.updated.map((paper) => paper.id)]);
      const highlights = [...outcome.highlights.added, ...outcome.highlights.updated];
      if (highlights.length <= ANNOUNCE_EACH_UP_TO) {
        for (const highlight of highlights) announce({ type: 'highlight/changed', paperId: highlight.paperId, id: highlight.id, highlight });
      }
      return {
        imported: true,
        report: {
          papers: count(outcome.papers),
          highlights: count(outcome.highlights),
          settingsRestored: settings.restored,
          settingsKept: settings.kept,
          settingsUnknown: reading.unknownSettings,
        },
      };
    },
  };
}

function count(outcome: { added: unknown[]; updated: unknown[]; unchanged: number }) {
  return { added: outcome.added.length, updated: outcome.updated.length, unchanged: outcome.unchanged };
}

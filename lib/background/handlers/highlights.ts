import { browser } from 'wxt/browser';
import { getSavedPapers } from '../../db';
import { allHighlights, createHighlight, deleteHighlight, highlightsOfPapers, updateHighlight } from '../../db/highlights';
import type { StoredHighlight } from '../../db/schema';
import {
  HIGHLIGHT_COMMAND,
  type HighlightCommandMessage,
  type HighlightedPaper,
  type HighlightRequests,
} from '../../messaging/requests/highlights';
import type { HandlerContext, Handlers } from './index';

/**
 * Highlight requests (issue 5). Payloads arrive checked (lib/background/payloads/highlights.ts). Every handler
 * is idempotent (the client resends requests whose reply was lost), and every change is announced as
 * 'highlight/changed' so that other tabs showing the paper, and the popup, follow.
 */
export function highlightHandlers({ library, connect, announce }: HandlerContext): Handlers<HighlightRequests> {
  const changed = (highlight: StoredHighlight) =>
    announce({ type: 'highlight/changed', paperId: highlight.paperId, id: highlight.id, highlight });

  return {
    'highlight/create': async ({ highlight, paper }) => {
      if (paper.id !== highlight.paperId) throw new Error('the highlight belongs to another paper than the one sent');
      // Through the library (not the store directly) so the popup's index counts the paper.
      const [alreadySaved] = await library.savedIdsAmong([paper.id]);
      if (!alreadySaved) {
        await library.savePaper(paper);
        announce({ type: 'paper/changed', id: paper.id, saved: true });
      }
      const stored = await createHighlight(await connect(), highlight);
      changed(stored);
      return stored;
    },
    'highlight/update': async ({ id, ...changes }) => {
      const stored = await updateHighlight(await connect(), id, changes);
      if (!stored) throw new Error('this highlight no longer exists (deleted in another tab?)');
      changed(stored);
      return stored;
    },
    'highlight/delete': async ({ id }) => {
      const deleted = await deleteHighlight(await connect(), id);
      // A resent delete finds nothing: the first attempt already announced it.
      if (deleted) announce({ type: 'highlight/changed', paperId: deleted.paperId, id, highlight: null });
      return deleted !== undefined;
    },
    'highlight/list': async ({ paperIds }) => highlightsOfPapers(await connect(), paperIds),
    'highlight/papers': async () => {
      const db = await connect();
      return highlightedPapers(await allHighlights(db), (ids) => getSavedPapers(db, ids));
    },
  };
}

/** Group highlights by paper, newest change first, with the title and link the library has. */
async function highlightedPapers(
  highlights: readonly StoredHighlight[],
  savedPapers: (ids: string[]) => Promise<{ id: string; title: string; url: string }[]>,
): Promise<HighlightedPaper[]> {
  const byPaper = new Map<string, HighlightedPaper>();
  for (const highlight of highlights) {
    const entry = byPaper.get(highlight.paperId) ?? { paperId: highlight.paperId, count: 0, lastChange: 0 };
    entry.count++;
    entry.lastChange = Math.max(entry.lastChange, highlight.updatedAt);
    byPaper.set(highlight.paperId, entry);
  }
  for (const paper of await savedPapers([...byPaper.keys()])) {
    const entry = byPaper.get(paper.id)!;
    entry.title = paper.title;
    entry.url = paper.url;
  }
  return [...byPaper.values()].sort((a, b) => b.lastChange - a.lastChange || a.paperId.localeCompare(b.paperId));
}

/**
 * The highlight shortcut (wxt.config.ts `commands`, changeable in the browser's shortcut settings) reaches
 * the content script of the tab it was pressed in; the script highlights that tab's selection. Registered
 * when the worker starts, like the message listener: MV3 starts a stopped worker to deliver the command.
 */
export function listenForHighlightCommand(): void {
  try {
    browser.commands.onCommand.addListener((command: string, tab?: { id?: number }) => {
      if (command !== HIGHLIGHT_COMMAND) return;
      void sendCommandToTab(tab?.id);
    });
  } catch {
    // No commands API here (unit tests' fake browser): the toolbar still highlights.
  }
}

async function sendCommandToTab(tabId: number | undefined): Promise<void> {
  try {
    const target = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    const message: HighlightCommandMessage = { type: 'highlight/command' };
    if (target !== undefined) await browser.tabs.sendMessage(target, message);
  } catch {
    // A tab without our content script (a page we do not annotate): nothing to highlight there.
  }
}

/**
 * Highlights (issue 5): requests to the background worker, its broadcast, and the two messages that go to a
 * tab's content script instead (the keyboard command, and the popup asking what the page could place).
 */
import type { PaperToSave } from '../../db';
import type { NewHighlight } from '../../db/highlights';
import type { StoredHighlight } from '../../db/schema';
import type { PaperId } from '../../paper';

export type { NewHighlight, StoredHighlight };

export interface HighlightRequests {
  /**
   * Store a new highlight (idempotent per id). `paper` is the entry it was made on: saved too when it is not
   * in the library yet, so a highlighted paper is never missing from the popup.
   */
  'highlight/create': { payload: { highlight: NewHighlight; paper: PaperToSave }; reply: StoredHighlight };
  /** Change colour and/or note. Fails when the highlight no longer exists. */
  'highlight/update': { payload: { id: string; color?: string; note?: string }; reply: StoredHighlight };
  /** Delete one highlight (only ever on the user's request). Replies true when something was deleted. */
  'highlight/delete': { payload: { id: string }; reply: boolean };
  /** The highlights of these papers, oldest first. */
  'highlight/list': { payload: { paperIds: PaperId[] }; reply: StoredHighlight[] };
  /** Every paper that has highlights, newest highlight first, with what the library knows of it (popup). */
  'highlight/papers': { payload: Record<string, never>; reply: HighlightedPaper[] };
}

export interface HighlightedPaper {
  paperId: PaperId;
  /** From the library; undefined when the paper was removed from it after being highlighted. */
  title?: string;
  url?: string;
  count: number;
  /** ms since epoch: the newest change to one of its highlights. */
  lastChange: number;
}

/** A highlight was created or changed (`highlight` set) or deleted (`highlight` null), in any tab or the popup. */
export type HighlightChanged = { type: 'highlight/changed'; paperId: PaperId; id: string; highlight: StoredHighlight | null };

export type HighlightBroadcast = HighlightChanged;

// ---- Messages to one tab's content script (browser.tabs.sendMessage), not to the worker -------------------

/** The extension command that highlights the current selection (wxt.config.ts `commands`). */
export const HIGHLIGHT_COMMAND = 'highlight-selection';

/** Sent by the background when the user presses the highlight shortcut in this tab. */
export type HighlightCommandMessage = { type: 'highlight/command' };

/** Sent by the popup: which highlights could this page place? Answered with a `PageHighlightStatus`. */
export type PageStatusQuery = { type: 'highlight/page-status'; paperIds: PaperId[] };

/**
 * Per paper shown on the page, its highlights' ids: painted there (`shown`); in a title or abstract the page
 * shows but could not be placed (`notFound`: the text changed); in a field the page does not show at all
 * (`fieldNotShown`: an abstract highlight on a listing of titles).
 */
export interface PaperPageStatus {
  shown: string[];
  notFound: string[];
  fieldNotShown: string[];
}

export interface PageHighlightStatus {
  papers: Record<PaperId, PaperPageStatus>;
}

export type HighlightTabMessage = HighlightCommandMessage | PageStatusQuery;

export function isHighlightTabMessage(message: unknown): message is HighlightTabMessage {
  if (typeof message !== 'object' || message === null) return false;
  const type = (message as { type?: unknown }).type;
  return type === 'highlight/command' || type === 'highlight/page-status';
}

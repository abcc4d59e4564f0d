/**
 * Messages for this tab's content script that do not come from the worker's broadcast: the keyboard command
 * (forwarded by the background) and the popup asking which highlights this page could place.
 */
import { browser } from 'wxt/browser';
import { isHighlightTabMessage, type PageHighlightStatus } from '../../../messaging/requests/highlights';
import type { PaperId } from '../../../paper';

export interface TabMessageHandlers {
  command(): void;
  pageStatus(paperIds: PaperId[]): PageHighlightStatus;
}

export function listenForTabMessages(handlers: TabMessageHandlers, signal: AbortSignal): void {
  const listener = (message: unknown): Promise<PageHighlightStatus> | undefined => {
    if (!isHighlightTabMessage(message)) return undefined; // not ours: other listeners may answer it
    if (message.type === 'highlight/command') {
      handlers.command();
      return undefined;
    }
    return Promise.resolve(handlers.pageStatus(Array.isArray(message.paperIds) ? message.paperIds : []));
  };
  try {
    browser.runtime.onMessage.addListener(listener);
    signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
  } catch {
    // No extension messaging (the page outlived a reloaded extension): the toolbar still works.
  }
}

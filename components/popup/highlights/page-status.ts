/**
 * Which highlights the page in the active tab could place: asked of that tab's content script, which alone
 * knows (lib/content/features/highlights answers 'highlight/page-status'). Needs no permission: tabs.query
 * without the "tabs" permission still gives the tab's id, and tabs.sendMessage needs none.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageHighlightStatus, PageStatusQuery } from '../../../lib/messaging/requests/highlights';
import type { PaperId } from '../../../lib/paper';

/** What the active tab says, or undefined when it shows none of these papers (or runs no Paperlight). */
export async function askActiveTab(paperIds: readonly PaperId[]): Promise<PageHighlightStatus | undefined> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return undefined;
    const query: PageStatusQuery = { type: 'highlight/page-status', paperIds: [...paperIds] };
    const answer = (await browser.tabs.sendMessage(tab.id, query)) as PageHighlightStatus | undefined;
    return answer && typeof answer === 'object' && answer.papers ? answer : undefined;
  } catch {
    return undefined; // a page without our content script (a new tab, a site we do not annotate)
  }
}

/** The active tab's answer for these papers; undefined until it arrives, or when there is none. */
export function usePageStatus(paperIds: readonly PaperId[], refreshKey = 0): PageHighlightStatus | undefined {
  const [status, setStatus] = useState<PageHighlightStatus | undefined>(undefined);
  const key = paperIds.join('\n');
  useEffect(() => {
    let current = true;
    if (paperIds.length > 0) void askActiveTab(paperIds).then((answer) => current && setStatus(answer));
    return () => {
      current = false;
    };
  }, [key, refreshKey]);
  return status;
}

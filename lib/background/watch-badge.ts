/**
 * The toolbar icon's count of watched entries, per tab (lib/watch/toolbar.ts): each content script that has
 * matches keeps a port open and posts its count; the badge text is set for the port's tab only, and
 * cleared when the page closes the port (navigation, tab closed). No permission needed: `port.sender.tab`
 * comes with every port opened by a content script, and setting a badge needs none.
 */
import { browser } from 'wxt/browser';
import { badgeTextFor, readWatchCount, WATCH_COUNT_PORT } from '../watch/toolbar';

/** Amber like the watch outline on the page, with white text (contrast 5:1). */
const BADGE_COLOR = '#b45309';

/** What we need of the browser's action API (MV3 `action`, MV2 `browserAction` in Firefox builds). */
export interface BadgeApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void> | void;
}

function badgeApi(): BadgeApi | undefined {
  const api = browser as unknown as { action?: BadgeApi; browserAction?: BadgeApi };
  return api.action ?? api.browserAction;
}

/** Must run synchronously at worker start: MV3 wakes a stopped worker for onConnect. */
export function listenForWatchCounts(api: BadgeApi | undefined = badgeApi()): void {
  if (!api) return;
  browser.runtime.onConnect.addListener((port) => showWatchCounts(port, api));
}

/** The part of a runtime.Port we use. */
export interface CountPortEnd {
  name: string;
  sender?: { tab?: { id?: number } };
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** Show the counts a content script posts on `port` as its tab's badge, until the port closes. */
export function showWatchCounts(port: CountPortEnd, api: BadgeApi): void {
  if (port.name !== WATCH_COUNT_PORT) return;
  const tabId = port.sender?.tab?.id;
  if (tabId === undefined || tabId < 0) return;
  const show = (text: string) => {
    // A tab closed meanwhile rejects; nothing to show then.
    void Promise.resolve(api.setBadgeText({ tabId, text })).catch(() => {});
  };
  void Promise.resolve(api.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR })).catch(() => {});
  port.onMessage.addListener((message) => {
    const count = readWatchCount(message);
    if (count !== undefined) show(badgeTextFor(count));
  });
  port.onDisconnect.addListener(() => show(''));
}

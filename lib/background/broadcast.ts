import { browser } from 'wxt/browser';
import type { Broadcast } from '../messaging/protocol';

/**
 * Tell every open page about a change: content scripts (one message per tab: tabs.query({}) lists them
 * without the "tabs" permission, which only adds URLs and titles) and extension pages such as the popup
 * (runtime.sendMessage). A tab without our content script rejects the message; that is expected and ignored.
 *
 * Announcements leave in the order of the changes (save then unsave must not arrive reversed), so each waits
 * for the previous one's tab list; the messages themselves are not waited for. The returned promise settles
 * when every message of this announcement has been answered or refused (tests wait for it).
 */
export function createBroadcaster(): (change: Broadcast) => Promise<void> {
  let previous: Promise<unknown> = Promise.resolve();
  return (change) => {
    const sending = previous.then(() => sendEverywhere(change));
    previous = sending.catch(() => {});
    return sending.then((deliveries) => Promise.allSettled(deliveries)).then(() => {});
  };
}

async function sendEverywhere(change: Broadcast): Promise<Promise<unknown>[]> {
  const deliveries = [attempt(() => browser.runtime.sendMessage(change))];
  const tabs = await attempt(() => browser.tabs.query({}));
  for (const tab of tabs ?? []) {
    if (tab.id !== undefined && tab.id >= 0) deliveries.push(attempt(() => browser.tabs.sendMessage(tab.id!, change)));
  }
  return deliveries;
}

/** The call's result, or undefined when it throws or rejects: a closed or scriptless tab is no error here. */
async function attempt<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch {
    return undefined;
  }
}

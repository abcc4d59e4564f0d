/**
 * The toolbar icon's count of watched entries on the current page. The content script reports its count
 * over a long-lived port (so the worker knows the tab from `port.sender` without the "tabs" permission, and
 * hears when the page goes away); the worker sets the badge text for that tab (lib/background/watch-badge.ts).
 */

export const WATCH_COUNT_PORT = 'paperlight/watch-count';

export interface WatchCountMessage {
  count: number;
}

/** The count in a message from the port, or undefined when it is not one. */
export function readWatchCount(message: unknown): number | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { count } = message as { count?: unknown };
  return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : undefined;
}

/** What the badge shows: nothing for no match; it has room for about four characters. */
export function badgeTextFor(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

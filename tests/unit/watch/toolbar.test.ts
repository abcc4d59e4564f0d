import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { showWatchCounts, type BadgeApi, type CountPortEnd } from '../../../lib/background/watch-badge';
import { badgeTextFor, readWatchCount, WATCH_COUNT_PORT } from '../../../lib/watch/toolbar';

function fakePort(name: string, tabId: number | undefined) {
  const messageListeners: ((message: unknown) => void)[] = [];
  const disconnectListeners: (() => void)[] = [];
  const port: CountPortEnd = {
    name,
    sender: tabId === undefined ? {} : { tab: { id: tabId } },
    onMessage: { addListener: (listener) => messageListeners.push(listener) },
    onDisconnect: { addListener: (listener) => disconnectListeners.push(listener) },
  };
  return {
    port,
    post: (message: unknown) => messageListeners.forEach((listener) => listener(message)),
    disconnect: () => disconnectListeners.forEach((listener) => listener()),
  };
}

const api = fakeBrowser.action as unknown as BadgeApi;
const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the toolbar count of watched entries', () => {
  it('shows each tab its own count, and clears it when the page goes away', async () => {
    const seven = fakePort(WATCH_COUNT_PORT, 7);
    const eight = fakePort(WATCH_COUNT_PORT, 8);
    showWatchCounts(seven.port, api);
    showWatchCounts(eight.port, api);
    seven.post({ count: 3 });
    eight.post({ count: 12 });
    await settle();
    expect(await badge(7)).toBe('3');
    expect(await badge(8)).toBe('12');
    seven.post({ count: 0 });
    await settle();
    expect(await badge(7)).toBe('');
    eight.disconnect();
    await settle();
    expect(await badge(8)).toBe('');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 7 })).toEqual([0xb4, 0x53, 0x09, 255]);
  });

  it('ignores other ports, ports without a tab, and messages that are not counts', async () => {
    const other = fakePort('something-else', 5);
    showWatchCounts(other.port, api);
    other.post({ count: 4 });
    const noTab = fakePort(WATCH_COUNT_PORT, undefined);
    showWatchCounts(noTab.port, api);
    noTab.post({ count: 4 });
    const tab = fakePort(WATCH_COUNT_PORT, 6);
    showWatchCounts(tab.port, api);
    tab.post({ count: 2 });
    tab.post({ count: -1 });
    tab.post({ count: 'many' });
    tab.post('5');
    await settle();
    expect(await badge(5)).toBe('');
    expect(await badge(6)).toBe('2');
  });

  it.each([
    [0, ''],
    [1, '1'],
    [999, '999'],
    [1000, '999+'],
  ])('shows %i as %j', (count, text) => {
    expect(badgeTextFor(count)).toBe(text);
  });

  it('reads only whole, non-negative counts', () => {
    expect(readWatchCount({ count: 2 })).toBe(2);
    for (const bad of [null, {}, { count: 1.5 }, { count: -2 }, { count: '2' }]) expect(readWatchCount(bad)).toBeUndefined();
  });
});

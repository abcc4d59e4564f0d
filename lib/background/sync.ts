/**
 * Sync between the user's browsers (issue 6, lib/sync): started with the worker. Runs when the user turns it
 * on, after changes made here (the `localChange` hook sees every announcement the request handlers make),
 * when another browser's changes arrive (storage.onChanged for the 'sync' area, which also wakes a stopped
 * worker), and once at start-up.
 */
import { browser } from 'wxt/browser';
import type { PaperlightDb } from '../db';
import type { Broadcast } from '../messaging/protocol';
import { STARTUP_DELAY_MS, SyncEngine } from '../sync/engine';
import type { SyncArea } from '../sync/run';
import { syncSetting } from '../sync/settings';
import { SyncState, type LocalArea } from '../sync/state';
import type { Library } from './library';
import { createSyncStore } from './sync-store';

export interface SyncHandle {
  /** Called with every change announced by a request handler (not with sync's own changes). */
  localChange(change: Broadcast): void;
}

export function startSync({
  library,
  connect,
  broadcast,
}: {
  library: Library;
  connect: () => Promise<PaperlightDb>;
  broadcast: (change: Broadcast) => void;
}): SyncHandle {
  const engine = new SyncEngine({
    sync: browser.storage.sync as unknown as SyncArea,
    local: createSyncStore({ library, connect, broadcast }),
    state: new SyncState(browser.storage.local as unknown as LocalArea),
    now: Date.now,
    isEnabled: async () => (await syncSetting.get()).enabled,
  });
  // Registered synchronously, so that a write by another browser wakes this worker and reaches it.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync') engine.remoteChange(changes as Record<string, { newValue?: unknown }>);
  });
  syncSetting.watch((settings) => {
    if (settings.enabled) engine.start(0);
    else void engine.stop();
  });
  engine.schedule(STARTUP_DELAY_MS);

  return {
    localChange(change) {
      if (change.type === 'paper/changed') void engine.localChange(change.saved ? {} : { paperRemoved: change.id });
      else if (change.type === 'highlight/changed') void engine.localChange(change.highlight ? {} : { highlightRemoved: change.id });
      else if (change.type === 'library/changed') void engine.localChange({});
    },
  };
}

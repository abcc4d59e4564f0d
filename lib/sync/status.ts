/**
 * What the options page shows about sync (SyncSection): written by the worker after every sync run,
 * read by the options page from storage.local.
 */
import { browser } from 'wxt/browser';

export const SYNC_STATUS_KEY = 'sync:status';

export interface SyncStatus {
  state: 'off' | 'idle' | 'syncing' | 'waiting' | 'error';
  /** ms since epoch of the last complete run. */
  lastSyncedAt?: number;
  /** Why it is waiting or failed, for people. */
  message?: string;
  /** When it tries again (waiting on the browser's write limits). */
  retryAt?: number;
  papers: { local: number; synced: number; withDetails: number };
  highlights: { local: number; synced: number };
  /** Removals kept in sync so other browsers remove the same papers/highlights. */
  removals: number;
  bytes: number;
  quotaBytes: number;
}

export const EMPTY_SYNC_STATUS: SyncStatus = {
  state: 'off',
  papers: { local: 0, synced: 0, withDetails: 0 },
  highlights: { local: 0, synced: 0 },
  removals: 0,
  bytes: 0,
  quotaBytes: 102_400,
};

export function readSyncStatus(raw: unknown): SyncStatus {
  if (typeof raw !== 'object' || raw === null || typeof (raw as SyncStatus).state !== 'string') return EMPTY_SYNC_STATUS;
  return { ...EMPTY_SYNC_STATUS, ...(raw as SyncStatus) };
}

export async function loadSyncStatus(): Promise<SyncStatus> {
  const stored = await browser.storage.local.get(SYNC_STATUS_KEY);
  return readSyncStatus(stored[SYNC_STATUS_KEY]);
}

export function watchSyncStatus(listener: (status: SyncStatus) => void, signal?: AbortSignal): void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[SYNC_STATUS_KEY];
    if (area === 'local' && change) listener(readSyncStatus(change.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
}

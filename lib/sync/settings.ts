import { defineSetting } from '../settings/store';

/**
 * Sync through the browser's own sync storage is off until the user turns it on (options page): the
 * library then travels through the browser vendor's sync servers, which is the user's call to make.
 */
export interface SyncSettings {
  enabled: boolean;
}

export function parseSyncSettings(raw: unknown): SyncSettings | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  return { enabled: (raw as { enabled?: unknown }).enabled === true };
}

export const syncSetting = defineSetting<SyncSettings>('sync', { enabled: false }, parseSyncSettings);

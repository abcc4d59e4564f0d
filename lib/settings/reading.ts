import { defineSetting } from './store';

/** How listings show what the reader has already been through (lib/content/features/seen). */
export interface ReadingSettings {
  /**
   * Dim entries seen on an earlier visit (an entry is seen once its title stayed on screen for a moment, or
   * the keyboard moved to it). Off by default; while off, nothing about what is on screen is recorded.
   */
  dimSeen: boolean;
}

export const DEFAULT_READING_SETTINGS: ReadingSettings = { dimSeen: false };

export function parseReadingSettings(raw: unknown): ReadingSettings | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { dimSeen } = raw as { dimSeen?: unknown };
  return { dimSeen: dimSeen === true };
}

export const readingSetting = defineSetting<ReadingSettings>('reading', DEFAULT_READING_SETTINGS, parseReadingSettings);

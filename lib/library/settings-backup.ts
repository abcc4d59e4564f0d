/**
 * Settings in the JSON backup. Every feature defines its settings with lib/settings/store.ts
 * `defineSetting`, in lib/settings/<feature>.ts or lib/<feature>/settings.ts; importing those files here
 * (all of them, found by pattern) registers them, so a backup includes settings added later without a
 * change here.
 */
import { allSettings, type Setting } from '../settings/store';
import type { SettingParsers } from './backup';

import.meta.glob(['../settings/*.ts', '../*/settings.ts', '!../settings/store.ts'], { eager: true });

/** Every setting's current value, by key. */
export async function readAllSettings(settings: readonly Setting<unknown>[] = allSettings()): Promise<Record<string, unknown>> {
  const values = await Promise.all(settings.map((setting) => setting.get()));
  return Object.fromEntries(settings.map((setting, i) => [setting.key, values[i]]));
}

export function settingParsers(settings: readonly Setting<unknown>[] = allSettings()): SettingParsers {
  return new Map(settings.map((setting) => [setting.key, setting.parse]));
}

/**
 * Restore settings from a backup. A setting this browser still has at its default takes the backup's value;
 * one the reader changed here is kept (settings carry no edit time, and a restore must not undo a choice
 * made on this machine).
 */
export async function restoreSettings(
  values: Record<string, unknown>,
  settings: readonly Setting<unknown>[] = allSettings(),
): Promise<{ restored: string[]; kept: string[] }> {
  const restored: string[] = [];
  const kept: string[] = [];
  for (const setting of settings) {
    if (!Object.hasOwn(values, setting.key)) continue;
    const current = await setting.get();
    const wanted = values[setting.key];
    if (sameValue(current, wanted)) continue;
    if (sameValue(current, setting.defaultValue)) {
      await setting.set(wanted);
      restored.push(setting.key);
    } else {
      kept.push(setting.key);
    }
  }
  return { restored, kept };
}

/** Settings are plain JSON data: compared by their JSON with keys sorted. */
function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

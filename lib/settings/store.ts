import { browser } from 'wxt/browser';

/**
 * One user setting kept in `storage.local` (readable from content scripts, the popup, the options page and
 * the worker alike). Each feature defines its own settings in its own file with `defineSetting`; every
 * definition registers itself so the JSON backup can include all settings without knowing them.
 */
export interface Setting<T> {
  key: string;
  defaultValue: T;
  /** The stored value, or the default when nothing (or something unreadable) is stored. */
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Call `listener` with the new value whenever it changes (in any context) until `signal` aborts. */
  watch(listener: (value: T) => void, signal?: AbortSignal): void;
  /** Checks a raw stored/imported value: returns it typed, or undefined when it is not valid. */
  parse(raw: unknown): T | undefined;
}

const STORAGE_PREFIX = 'settings:';
const registry = new Map<string, Setting<unknown>>();

export function defineSetting<T>(key: string, defaultValue: T, parse: (raw: unknown) => T | undefined): Setting<T> {
  if (registry.has(key)) throw new Error(`setting "${key}" is defined twice`);
  const storageKey = STORAGE_PREFIX + key;
  const read = (raw: unknown): T => {
    if (raw === undefined) return defaultValue;
    const value = parse(raw);
    if (value === undefined) console.warn(`Paperlight: the stored setting "${key}" is unreadable; using the default.`);
    return value ?? defaultValue;
  };
  const setting: Setting<T> = {
    key,
    defaultValue,
    parse,
    async get() {
      const stored = await browser.storage.local.get(storageKey);
      return read(stored[storageKey]);
    },
    async set(value) {
      await browser.storage.local.set({ [storageKey]: value });
    },
    watch(listener, signal) {
      const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        const change = changes[storageKey];
        if (area === 'local' && change) listener(read(change.newValue));
      };
      browser.storage.onChanged.addListener(onChanged);
      signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
    },
  };
  registry.set(key, setting as Setting<unknown>);
  return setting;
}

/** Every setting defined so far (for backups). Import the feature modules first so they register. */
export function allSettings(): Setting<unknown>[] {
  return [...registry.values()];
}

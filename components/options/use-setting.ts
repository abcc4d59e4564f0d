import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Setting } from '../../lib/settings/store';

/**
 * A setting as options-page state: undefined while loading, then the stored value, following changes made
 * elsewhere (another options tab, an import). `save` stores a new value; a failure comes back as a message.
 */
export function useSetting<T>(setting: Setting<T>): { value: T | undefined; save(value: T): Promise<string | undefined> } {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    void setting.get().then((stored) => {
      if (!controller.signal.aborted) setValue(stored);
    });
    setting.watch(setValue, controller.signal);
    return () => controller.abort();
  }, [setting]);
  const save = useCallback(
    async (next: T) => {
      setValue(next);
      try {
        await setting.set(next);
        return undefined;
      } catch (error) {
        return `Could not save this setting: ${error instanceof Error ? error.message : String(error)}`;
      }
    },
    [setting],
  );
  return { value, save };
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { CONTENT_SCRIPT_FILE, EXTRA_HOSTS_SCRIPT_ID, requestHostAccess, syncExtraHostScripts } from '../../../lib/sites/extra-hosts';
import { sitesSetting } from '../../../lib/settings/sites';

/** An in-memory `scripting` API and permission store, as the browser keeps them. */
function fakeScriptingAndPermissions(granted: string[]) {
  const registered = new Map<string, { id: string; matches?: string[]; js?: string[] }>();
  const scripting = {
    registerContentScripts: vi.fn(async (scripts: { id: string }[]) => {
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.set(s.id, s);
      }
    }),
    updateContentScripts: vi.fn(async (scripts: { id: string }[]) => {
      for (const s of scripts) registered.set(s.id, { ...registered.get(s.id)!, ...s });
    }),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => ids.forEach((id) => registered.delete(id))),
    getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => ids.flatMap((id) => (registered.has(id) ? [registered.get(id)!] : []))),
  };
  (browser as unknown as { scripting?: unknown }).scripting = scripting;
  vi.spyOn(browser.permissions, 'contains').mockImplementation(async ({ origins }) => origins!.every((o) => granted.includes(o)));
  return { registered, scripting };
}

afterEach(() => {
  delete (browser as unknown as { scripting?: unknown }).scripting;
  vi.restoreAllMocks();
});

describe('extra hosts: content-script registration', () => {
  it('registers the content script for the granted extra hosts only, then follows changes', async () => {
    const { registered } = fakeScriptingAndPermissions(['https://a.example/*', 'https://b.example/*']);
    expect(await syncExtraHostScripts(['https://a.example', 'https://c.example'])).toEqual(['https://a.example']);
    expect(registered.get(EXTRA_HOSTS_SCRIPT_ID)).toMatchObject({ matches: ['https://a.example/*'], js: [CONTENT_SCRIPT_FILE] });
    // A second host: the same registration, updated (registering twice would fail).
    expect(await syncExtraHostScripts(['https://a.example', 'https://b.example'])).toEqual(['https://a.example', 'https://b.example']);
    expect(registered.get(EXTRA_HOSTS_SCRIPT_ID)!.matches).toEqual(['https://a.example/*', 'https://b.example/*']);
    // None left: unregistered.
    expect(await syncExtraHostScripts([])).toEqual([]);
    expect(registered.size).toBe(0);
  });

  it('reads the hosts from the settings when not given', async () => {
    const { registered } = fakeScriptingAndPermissions(['https://mirror.example.edu/*']);
    await sitesSetting.set({ disabled: [], extraHosts: ['https://mirror.example.edu'] });
    expect(await syncExtraHostScripts()).toEqual(['https://mirror.example.edu']);
    expect(registered.get(EXTRA_HOSTS_SCRIPT_ID)!.matches).toEqual(['https://mirror.example.edu/*']);
  });

  it('does nothing without the scripting permission, and never throws', async () => {
    expect(await syncExtraHostScripts(['https://a.example'])).toEqual([]);
    const { scripting } = fakeScriptingAndPermissions(['https://a.example/*']);
    scripting.getRegisteredContentScripts.mockRejectedValueOnce(new Error('browser says no'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await syncExtraHostScripts(['https://a.example'])).toEqual([]);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('asks for the host and `scripting` together, nothing else', async () => {
    const request = vi.spyOn(browser.permissions, 'request').mockResolvedValue(true as never);
    expect(await requestHostAccess('https://mirror.example.edu')).toBe(true);
    expect(request).toHaveBeenCalledWith({ origins: ['https://mirror.example.edu/*'], permissions: ['scripting'] });
  });
});

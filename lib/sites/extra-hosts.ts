/**
 * Paperlight on a mirror the user enables (issue 4): the host permission is asked for on the options page,
 * at the moment the user adds the host (never up front), together with the optional `scripting` permission;
 * the content script is then registered for the granted hosts. On those pages the adapter is chosen by the
 * page's structure (lib/sites adapterFor → recognizesPage), since no adapter claims the host by URL.
 *
 * Kept in step with the settings by `syncExtraHostScripts`: after every change on the options page, and
 * when the worker starts (a registration survives restarts, but a permission can be withdrawn in the
 * browser's own extension settings meanwhile).
 */
import { browser } from 'wxt/browser';
import { sitesSetting } from '../settings/sites';

export const EXTRA_HOSTS_SCRIPT_ID = 'paperlight-extra-hosts';
/** The content script WXT builds from entrypoints/content (the same file the manifest names). */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

/** The match pattern of every page of an origin ("https://mirror.example" → "https://mirror.example/*"). */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

interface ScriptingApi {
  registerContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
  updateContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<RegisteredScript[]>;
}
interface RegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
  runAt?: 'document_idle';
  persistAcrossSessions?: boolean;
}

/** `browser.scripting`, present only once the optional permission is granted. */
function scripting(): ScriptingApi | undefined {
  return (browser as unknown as { scripting?: ScriptingApi }).scripting;
}

/**
 * Ask for access to `origin` (and for `scripting`). Must run inside the click that asked for it: browsers
 * only show the prompt in reaction to the user. Resolves whether everything was granted.
 */
export async function requestHostAccess(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(origin)], permissions: ['scripting'] });
}

/** Give the host permission back (the `scripting` permission stays for the other hosts). */
export async function releaseHostAccess(origin: string): Promise<void> {
  try {
    await browser.permissions.remove({ origins: [originPattern(origin)] });
  } catch {
    // already gone, or a permission the manifest requires: nothing to give back
  }
}

/** Which of the `origins` the extension may run on now. */
export async function grantedOrigins(origins: readonly string[]): Promise<string[]> {
  const granted: string[] = [];
  for (const origin of origins) {
    if (await browser.permissions.contains({ origins: [originPattern(origin)] }).catch(() => false)) granted.push(origin);
  }
  return granted;
}

/**
 * Register the content script for the extra hosts that are both in the settings and granted (update or
 * remove the registration otherwise). Returns the hosts it now runs on. Never throws: a browser without
 * `scripting` (permission not granted yet) runs on none.
 */
export async function syncExtraHostScripts(extraHosts?: readonly string[]): Promise<string[]> {
  const api = scripting();
  if (!api) return [];
  try {
    const wanted = extraHosts ?? (await sitesSetting.get()).extraHosts;
    const active = await grantedOrigins(wanted);
    const existing = await api.getRegisteredContentScripts({ ids: [EXTRA_HOSTS_SCRIPT_ID] });
    if (active.length === 0) {
      if (existing.length > 0) await api.unregisterContentScripts({ ids: [EXTRA_HOSTS_SCRIPT_ID] });
      return [];
    }
    const script: RegisteredScript = {
      id: EXTRA_HOSTS_SCRIPT_ID,
      matches: active.map(originPattern),
      js: [CONTENT_SCRIPT_FILE],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    };
    if (existing.length > 0) await api.updateContentScripts([script]);
    else await api.registerContentScripts([script]);
    return active;
  } catch (error) {
    console.warn('Paperlight: could not register the content script for the extra hosts', error);
    return [];
  }
}

/**
 * For the background worker: registrations follow the settings and the permissions from its start on
 * (a permission withdrawn in the browser's extension settings unregisters that host at once).
 */
export function keepExtraHostScriptsInStep(): void {
  const sync = () => void syncExtraHostScripts();
  sync();
  try {
    browser.permissions.onRemoved.addListener(sync);
    browser.permissions.onAdded.addListener(sync);
  } catch {
    // no permission events here (tests' fake browser): the options page syncs after each change anyway
  }
}

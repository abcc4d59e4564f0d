import { defineSetting } from './store';

/**
 * Where Paperlight runs (options: SitesSection; honoured by the content script, lib/content/paperlight.ts).
 * - `disabled`: sites (lib/sites SITES ids) the user switched off; every other site is on, including
 *   sites added by later versions.
 * - `extraHosts`: origins of mirrors the user enabled (`https://arxiv.example.edu`). Each needs its host
 *   permission, asked for on the options page when it is added; the content script is registered for it
 *   then (lib/sites/extra-hosts.ts) and picks the adapter by the page's structure.
 */
export interface SitesSettings {
  disabled: string[];
  extraHosts: string[];
}

export const DEFAULT_SITES_SETTINGS: SitesSettings = { disabled: [], extraHosts: [] };

/** An origin a user may add: https (or http) with a host name, no path; normalised to `scheme://host[:port]`. */
export function parseExtraHost(raw: string): string | undefined {
  const text = raw.trim();
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (!/^[a-z0-9.-]+$/i.test(url.hostname) || !url.hostname.includes('.') || url.username || url.password) return undefined;
  if (url.pathname !== '/' || url.search || url.hash) return undefined;
  return url.origin;
}

/** Stored or imported site settings: unknown values dropped, everything readable kept. */
export function parseSitesSettings(raw: unknown): SitesSettings | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const { disabled, extraHosts } = raw as { disabled?: unknown; extraHosts?: unknown };
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  return {
    disabled: [...new Set(strings(disabled).filter((id) => /^[a-z0-9-]+$/.test(id)))],
    extraHosts: [...new Set(strings(extraHosts).flatMap((host) => parseExtraHost(host) ?? []))],
  };
}

export const sitesSetting = defineSetting<SitesSettings>('sites', DEFAULT_SITES_SETTINGS, parseSitesSettings);

/**
 * Every site Paperlight annotates. Adding a site: one file in lib/sites exporting a `SiteAdapter`,
 * one line in `adapters` below. The content script's manifest `matches` come from here.
 */
import { huggingface } from './huggingface';
import type { SiteAdapter } from './types';

export type { DetectedEntry, SiteAdapter, Theme } from './types';

// `SiteAdapter<any>`: each adapter has its own context type, which only it reads.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAdapter = SiteAdapter<any>;

export const adapters: readonly AnyAdapter[] = [huggingface];

/** The manifest match patterns of every adapter, without duplicates. */
export function allMatchPatterns(list: readonly AnyAdapter[] = adapters): string[] {
  return [...new Set(list.flatMap((adapter) => adapter.matches))];
}

/**
 * The adapter for this page: the one whose URL detector accepts the URL. When no adapter claims the
 * URL's host at all (a mirror the user enabled, issue 4), adapters that can recognise a page by its
 * structure are asked next. Never throws; undefined means "leave this page alone".
 */
export function adapterFor(
  url: URL,
  doc?: Document,
  list: readonly AnyAdapter[] = adapters,
): AnyAdapter | undefined {
  const byUrl = list.find((adapter) => safely(() => adapter.isSupportedUrl(url), false));
  if (byUrl || !doc) return byUrl;
  // A host one of our own patterns names is never a mirror: an unsupported page there stays untouched.
  if (list.some((adapter) => adapter.matches.some((pattern) => patternCoversHost(pattern, url.hostname)))) return undefined;
  return list.find((adapter) => adapter.recognizesPage && safely(() => adapter.recognizesPage!(doc), false));
}

/** Does the host part of a match pattern ('https://*.arxiv.org/list/*') cover this host name? */
function patternCoversHost(pattern: string, hostname: string): boolean {
  const host = /^[a-z*]+:\/\/([^/]+)\//i.exec(pattern)?.[1];
  if (!host) return false;
  if (host === '*') return true;
  if (host.startsWith('*.')) return hostname === host.slice(2) || hostname.endsWith(host.slice(1));
  return hostname === host;
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/**
 * Every site Paperlight annotates. Adding a site: one file in lib/sites exporting a `SiteAdapter`,
 * one line in `adapters` below. The content script's manifest `matches` come from here.
 */
import { aclAnthology } from './acl-anthology';
import { alphaxiv } from './alphaxiv';
import { arxivAbstract } from './arxiv-abs';
import { arxivHtml } from './arxiv-html';
import { arxivListing } from './arxiv-listing';
import { arxivSearch } from './arxiv-search';
import { googleScholar } from './google-scholar';
import { huggingface } from './huggingface';
import { openreview } from './openreview';
import type { SiteAdapter } from './types';

export type { DetectedEntry, SiteAdapter, Theme } from './types';

// `SiteAdapter<any>`: each adapter has its own context type, which only it reads.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAdapter = SiteAdapter<any>;

export const adapters: readonly AnyAdapter[] = [
  huggingface,
  arxivListing,
  arxivSearch,
  arxivAbstract,
  arxivHtml,
  alphaxiv,
  googleScholar,
  openreview,
  aclAnthology,
];

/**
 * The sites as a user sees them (options page: enable/disable each site). Several adapters can make one
 * site (arXiv: listings, search, abstract page, HTML rendering); ids are stored in settings, never rename.
 */
export const SITES: readonly { id: string; label: string; adapters: readonly string[]; examples: string }[] = [
  { id: 'huggingface', label: 'Hugging Face Papers', adapters: ['huggingface'], examples: 'Daily Papers, paper pages' },
  { id: 'arxiv', label: 'arXiv', adapters: ['arxiv-listing', 'arxiv-search', 'arxiv-abs', 'arxiv-html'], examples: 'listings (/new, /recent, /pastweek, months), search, abstract and HTML pages' },
  { id: 'alphaxiv', label: 'alphaXiv', adapters: ['alphaxiv'], examples: 'paper pages' },
  { id: 'google-scholar', label: 'Google Scholar', adapters: ['google-scholar'], examples: 'search results' },
  { id: 'openreview', label: 'OpenReview', adapters: ['openreview'], examples: 'venue pages, forums' },
  { id: 'acl-anthology', label: 'ACL Anthology', adapters: ['acl-anthology'], examples: 'event and volume pages' },
];

/** The site (SITES id) an adapter belongs to. */
export function siteOf(adapter: AnyAdapter): string {
  return SITES.find((site) => site.adapters.includes(adapter.name))?.id ?? adapter.name;
}

/** The adapters of the sites not switched off. */
export function enabledAdapters(disabledSites: readonly string[], list: readonly AnyAdapter[] = adapters): AnyAdapter[] {
  return list.filter((adapter) => !disabledSites.includes(siteOf(adapter)));
}

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
  if (isBuiltInHost(url.hostname, list)) return undefined;
  return list.find((adapter) => adapter.recognizesPage && safely(() => adapter.recognizesPage!(doc), false));
}

/** Is this host one the built-in adapters already run on (for some of its pages)? Not a mirror, then. */
export function isBuiltInHost(hostname: string, list: readonly AnyAdapter[] = adapters): boolean {
  return list.some((adapter) => adapter.matches.some((pattern) => patternCoversHost(pattern, hostname)));
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

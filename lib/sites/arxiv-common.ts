/**
 * What the arXiv adapters (listings, search, abstract page, HTML rendering) share: which hosts are arXiv,
 * the canonical link of a paper, and arXiv's colour scheme. Each page type has its own adapter file.
 */
import type { PaperId } from '../paper';
import type { Theme } from './types';

/** arXiv's own hosts: arxiv.org, www.arxiv.org (redirects, but links use it), export.arxiv.org (same pages). */
const ARXIV_HOSTS = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org']);

export function isArxivHost(url: URL): boolean {
  return url.protocol === 'https:' && ARXIV_HOSTS.has(url.hostname);
}

/** Where a paper lives on arXiv, whatever page or mirror it was seen on: one link per identity. */
export function arxivAbsUrl(id: PaperId): string {
  return `https://arxiv.org/abs/${id}`;
}

/**
 * arXiv's pages are light, except the HTML rendering which has a theme switch (`data-theme` on <html>,
 * "dark"/"light", absent = follow the browser). Undefined: follow the browser.
 */
export function arxivTheme(doc: Document): Theme | undefined {
  const theme = doc.documentElement.getAttribute('data-theme');
  return theme === 'dark' || theme === 'light' ? theme : undefined;
}

/** An ISO date from arXiv's `citation_date` meta tag ("2026/09/25"). */
export function citationDate(doc: Document): string | undefined {
  const raw = doc.querySelector('meta[name="citation_date"]')?.getAttribute('content') ?? '';
  const match = /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(raw.trim());
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

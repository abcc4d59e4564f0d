/**
 * Paper identities read from links, for sites that show papers published elsewhere (Google Scholar): a link
 * to arXiv gives the arXiv id (the identity shared with every other site), a link naming a DOI gives
 * `doi:<doi>`. See lib/paper.ts for the identity rules.
 */
import { arxivIdFromPath } from '../paper-id';
import type { PaperId } from '../paper';

const ARXIV_HOSTS = /^(?:www\.|export\.)?arxiv\.org$/;

/** The arXiv id of a link to arxiv.org/abs|pdf|html/<id>, else undefined. */
export function arxivIdFromLink(url: URL | undefined): PaperId | undefined {
  return url && ARXIV_HOSTS.test(url.hostname) ? arxivIdFromPath(url.pathname) : undefined;
}

// "10.<registrant>/<suffix>": the suffix may itself contain slashes; publishers append views after it.
const DOI_IN_PATH = /\b(10\.\d{4,9}\/[^\s?#]+)/;
const VIEW_SUFFIX = /(?:\/(?:abstract|full|pdf|epdf|fulltext|html|summary|references))+\/?$|\.pdf$/i;

/** `doi:<doi>` (lower-case: DOIs are case-insensitive) when the link's path names a DOI, else undefined. */
export function doiIdFromLink(url: URL | undefined): PaperId | undefined {
  if (!url) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  const doi = DOI_IN_PATH.exec(path)?.[1]?.replace(VIEW_SUFFIX, '').replace(/[.,;]$/, '');
  return doi ? `doi:${doi.toLowerCase()}` : undefined;
}

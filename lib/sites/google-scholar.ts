/**
 * Google Scholar result pages (/scholar?q=…, ?cluster=…, ?cites=…) on scholar.google.com and the country
 * hosts. Example URLs at the bottom of this file.
 *
 * Identity, best first: the arXiv id when the result links to arXiv or its venue names an arXiv preprint
 * (shared with arXiv, Hugging Face and alphaXiv); `doi:<doi>` when the link names a DOI; else `scholar:<cid>`, Scholar's own id of the result's
 * cluster (the `data-cid` attribute; older pages only have it in the Cite button and the "Related articles"
 * link). The abstract is Scholar's snippet (`div.gs_rs`): a few lines of the abstract or the text, the best
 * the page offers. The entry root is `div.gs_ri` (title, author line, snippet, links).
 */
import { normalizeArxivId } from '../paper-id';
import type { PaperEntry, PaperId } from '../paper';
import { arxivIdFromLink, doiIdFromLink } from './ids';
import { absoluteUrl, anyOf, cleanAuthorList, normalizeText, queryFirst, textOf } from './read';
import type { DetectedEntry, SiteAdapter } from './types';

const SITE = 'google-scholar';

// scholar.google.com and the country hosts (scholar.google.co.jp, .de, .com.au, ...).
const SCHOLAR_HOST = /^scholar\.google\.(?:com|[a-z]{2}|co\.[a-z]{2}|com\.[a-z]{2})$/;

export function isScholarResults(url: URL): boolean {
  return url.protocol === 'https:' && SCHOLAR_HOST.test(url.hostname) && url.pathname === '/scholar';
}

// The hosts the manifest names (match patterns cannot wildcard a top-level domain). Others can be added
// on the options page as extra hosts; the page is then recognised by its structure.
const COUNTRY_HOSTS = ['com', 'co.uk', 'de', 'fr', 'es', 'it', 'nl', 'ch', 'se', 'pl', 'ca', 'com.au', 'co.jp', 'co.kr', 'co.in', 'com.br', 'com.hk', 'com.tw', 'com.sg'];

// ---- Selectors: alternatives, newest variant first ---------------------------------------------

// 2016-2020 captures alike: div.gs_r (2020: .gs_r.gs_or.gs_scl[data-cid]) > div.gs_ri. "Create alert" and
// other boxes are div.gs_r without .gs_ri.
const ENTRY_ROOTS = ['div.gs_r > div.gs_ri'];
// The title: a link (a[id=<cid>] since ~2018), or for [CITATION] results a span[id=<cid>].
const TITLE = ['h3.gs_rt > a', 'h3.gs_rt > span[id]', 'h3 > a'];
const HEADING = ['h3.gs_rt', 'h3'];
const AUTHOR_LINE = ['div.gs_a'];
const SNIPPET = ['div.gs_rs'];
const LINKS_ROW = ['div.gs_fl:not(.gs_ggs)'];
// Where older pages name the cluster id: Cite button onclick "gs_ocit(event,'<cid>','0')", "related:<cid>:".
const CID_IN_TEXT = [/gs_ocit\(event,\s*'([\w-]+)'/, /related:([\w-]+):/];

export function readEntry(root: Element): DetectedEntry | undefined {
  const titleElement = queryFirst(root, TITLE);
  const heading = queryFirst(root, HEADING);
  // [PDF]/[HTML]/[CITATION] labels sit in the heading before the title element: not part of the title.
  const title = textOf(titleElement) || withoutLabels(textOf(heading));
  if (!title) return undefined;
  const link = titleElement?.localName === 'a' ? absoluteUrl(titleElement.getAttribute('href'), 'https://scholar.google.com/') : undefined;
  const cid = clusterId(root, titleElement);
  const authorLine = queryFirst(root, AUTHOR_LINE);
  const id: PaperId | undefined =
    arxivIdFromLink(link) ?? arxivIdInVenue(textOf(authorLine)) ?? doiIdFromLink(link) ?? (cid ? `scholar:${cid}` : undefined);
  if (!id) return undefined;
  const snippetElement = queryFirst(root, SNIPPET);
  const paper: PaperEntry = {
    id,
    site: SITE,
    url: link && /^https?:$/.test(link.protocol) ? link.href : clusterUrl(cid, title),
    title,
    authors: readAuthors(authorLine),
    abstract: snippetText(snippetElement),
  };
  // No `published`: the author line names a year only, and PaperEntry.published is a day.
  return {
    paper,
    root,
    titleElement: titleElement ?? heading,
    abstractElement: snippetElement,
    placeUi: (host) => {
      const links = queryFirst(root, LINKS_ROW);
      if (links?.parentElement === root) links.before(host);
      else root.append(host);
    },
  };
}

/** Scholar names arXiv preprints in the venue: "arXiv preprint arXiv:1706.03762, 2017", "CoRR, abs/1206.5538, 2012". */
function arxivIdInVenue(line: string): PaperId | undefined {
  const match = /\barXiv:(\d{4}\.\d{4,5})\b|\bCoRR,?\s+abs\/(\d{4}\.\d{4,5})\b/i.exec(line);
  return match ? normalizeArxivId(match[1] ?? match[2]!) : undefined;
}

function withoutLabels(text: string): string {
  return text.replace(/^(?:\[[A-Z]+\]\s*)+/, '').trim();
}

/** Scholar's id of the result: data-cid on the result, the title's id, or the Cite/Related links. */
function clusterId(root: Element, titleElement: Element | undefined): string | undefined {
  const fromAttribute = root.parentElement?.getAttribute('data-cid') || titleElement?.getAttribute('id');
  if (fromAttribute && /^[\w-]{6,}$/.test(fromAttribute)) return fromAttribute;
  const html = [...root.querySelectorAll('a[onclick], a[href*="related:"]')]
    .map((a) => `${a.getAttribute('onclick') ?? ''} ${a.getAttribute('href') ?? ''}`)
    .join(' ');
  for (const pattern of CID_IN_TEXT) {
    const match = pattern.exec(html);
    if (match) return match[1];
  }
  return undefined;
}

/** The result's cluster page (its `cid` is the cluster number, base64url, little-endian), else a title search. */
function clusterUrl(cid: string | undefined, title: string): string {
  const cluster = cid ? clusterNumber(cid) : undefined;
  return cluster
    ? `https://scholar.google.com/scholar?cluster=${cluster}`
    : `https://scholar.google.com/scholar?q=${encodeURIComponent(`"${title}"`)}`;
}

function clusterNumber(cid: string): string | undefined {
  try {
    const bytes = atob(cid.replace(/-/g, '+').replace(/_/g, '/'));
    if (bytes.length < 8) return undefined;
    let value = 0n;
    for (let i = 7; i >= 0; i--) value = (value << 8n) | BigInt(bytes.charCodeAt(i));
    return value.toString();
  } catch {
    return undefined;
  }
}

/** "A Allibone, R Wysoczanski, B Leitner… - Geological Society of …, 2002 - pubs.geoscienceworld.org" → names. */
function readAuthors(line: Element | undefined): string[] {
  const names = textOf(line).split(/\s+-\s+/)[0] ?? '';
  return cleanAuthorList(names.split(/\s*,\s*/).map((name) => name.replace(/…$/, '')));
}

/** The snippet without Scholar's "Abstract" lead-in and the ellipses it puts where it cut. */
function snippetText(element: Element | undefined): string {
  return normalizeText(textOf(element).replace(/^Abstract\s+/, '').replace(/^…\s*/, '').replace(/\s*…$/, ''));
}

export function recognizesResults(doc: Document): boolean {
  const first = doc.querySelector(anyOf(ENTRY_ROOTS));
  return !!first && readEntry(first) !== undefined;
}

export const googleScholar: SiteAdapter<undefined> = {
  name: SITE,
  matches: COUNTRY_HOSTS.map((tld) => `https://scholar.google.${tld}/scholar*`),
  isSupportedUrl: isScholarResults,
  exampleUrls: [
    'https://scholar.google.com/scholar?q=reward+models&hl=en',
    'https://scholar.google.com/scholar?cluster=5362332738201102290&hl=en',
    'https://scholar.google.com/scholar?cites=15801554877513113826&as_sdt=2005',
    'https://scholar.google.co.jp/scholar?hl=en&q=%22Learning+deep+architectures+for+AI%22',
    'https://scholar.google.de/scholar?q=benchmark',
  ],
  recognizesPage: recognizesResults,
  entrySelector: anyOf(ENTRY_ROOTS),
  readContext: () => undefined,
  readEntry,
};

/*
Example URLs
https://scholar.google.com/scholar?q=reward+models&hl=en              a search
https://scholar.google.com/scholar?cluster=5362332738201102290        all versions of one paper
https://scholar.google.com/scholar?cites=15801554877513113826         papers citing one paper
https://scholar.google.co.jp/scholar?hl=en&q=...                      a country host (2016 captures in tests/fixtures)
*/

/**
 * arXiv search results: /search/?query=…, /search/<archive>?…, /search/advanced?…, with abstracts shown or
 * hidden. Example URLs at the bottom of this file.
 *
 * One `li.arxiv-result` per paper. With abstracts shown, `p.abstract` holds a visible short excerpt
 * (`span.abstract-short`, cut mid-text, "▽ More") and the whole abstract (`span.abstract-full`, hidden until
 * "More" is clicked, ends in "△ Less"): we read the whole one. Matched words are wrapped in
 * `span.search-hit`; titles and abstracts are typeset by MathJax (read as TeX source, lib/sites/tex-text).
 */
import { arxivIdFromPath } from '../paper-id';
import type { PaperEntry } from '../paper';
import { arxivAbsUrl, isArxivHost } from './arxiv-common';
import { anyOf, cleanAuthorList, queryFirst, textOf } from './read';
import { texText } from './tex-text';
import type { DetectedEntry, SiteAdapter } from './types';

const SITE = 'arxiv';

// /search/ (all archives), /search/cs (one archive; also what author links on listings point to), /search/advanced.
const SEARCH_PATH = /^\/search\/(?:[a-z-]+(?:\.[a-z-]+)?\/?|advanced\/?)?$/i;

export function isArxivSearch(url: URL): boolean {
  return isArxivHost(url) && SEARCH_PATH.test(url.pathname);
}

// ---- Selectors: alternatives, newest variant first ---------------------------------------------

// arxiv-search templates (since 2018): ol.breathe-horizontal > li.arxiv-result.
const ENTRY_ROOTS = ['li.arxiv-result'];
// "arXiv:<id>" link; href https://arxiv.org/abs/<id>, or <id>vN when the hit is not the latest version.
const ID_LINK = ['p.list-title a[href*="/abs/"]', 'a[href*="/abs/"]'];
const TITLE = ['p.title', '.title'];
const AUTHOR_LINKS = ['p.authors a'];
const FULL_ABSTRACT = ['span.abstract-full', 'p.abstract'];
const AUTHORS = ['p.authors'];

export function readEntry(root: Element): DetectedEntry | undefined {
  const link = queryFirst(root, ID_LINK);
  const id = link ? arxivIdFromPath(new URL(link.getAttribute('href') ?? '', 'https://arxiv.org').pathname) : undefined;
  const titleElement = queryFirst(root, TITLE);
  const title = texText(titleElement);
  if (!id || !titleElement || !title) return undefined;
  const abstractElement = queryFirst(root, FULL_ABSTRACT);
  const paper: PaperEntry = {
    id,
    site: SITE,
    url: arxivAbsUrl(id),
    title,
    authors: cleanAuthorList([...root.querySelectorAll(anyOf(AUTHOR_LINKS))].map((a) => textOf(a))),
    abstract: abstractText(abstractElement),
  };
  const authors = queryFirst(root, AUTHORS);
  return {
    paper,
    root,
    titleElement,
    abstractElement,
    // Below the author line, above the abstract: in no `.mathjax` element.
    placeUi: (host) => (authors ?? titleElement).after(host),
  };
}

/** The full abstract without its "△ Less" toggle (or, on an unknown variant, the paragraph without labels). */
function abstractText(element: Element | undefined): string {
  return texText(element)
    .replace(/\s*△\s*Less$/, '')
    .replace(/^Abstract\s*:\s*/, '');
}

export function recognizesSearch(doc: Document): boolean {
  const first = doc.querySelector(anyOf(ENTRY_ROOTS));
  return !!first && readEntry(first) !== undefined;
}

export const arxivSearch: SiteAdapter<undefined> = {
  name: 'arxiv-search',
  matches: ['https://*.arxiv.org/search/*'],
  isSupportedUrl: isArxivSearch,
  exampleUrls: [
    'https://arxiv.org/search/?query=benchmark&searchtype=all&abstracts=show&order=-announced_date_first&size=50',
    'https://arxiv.org/search/?query=benchmark&searchtype=all&abstracts=hide&order=-announced_date_first&size=25&start=25',
    'https://arxiv.org/search/cs?searchtype=author&query=Du%2C+H',
    'https://arxiv.org/search/advanced?advanced=&terms-0-term=reward+model&terms-0-field=title',
  ],
  recognizesPage: recognizesSearch,
  entrySelector: anyOf(ENTRY_ROOTS),
  readContext: () => undefined,
  readEntry,
};

/*
Example URLs
https://arxiv.org/search/?query=benchmark&searchtype=all&abstracts=show&size=50     results with abstracts
https://arxiv.org/search/?query=benchmark&searchtype=all&abstracts=hide&start=25    page 2, abstracts hidden
https://arxiv.org/search/cs?searchtype=author&query=Du%2C+H                         an author (links on listings)
https://arxiv.org/search/advanced?advanced=&terms-0-term=reward+model               advanced search results
*/

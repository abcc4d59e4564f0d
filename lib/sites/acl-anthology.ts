/**
 * ACL Anthology event and volume pages: /events/<event>/ (every volume of a conference) and
 * /volumes/<volume>/. Papers are keyed `acl:<Anthology id>` (2024.acl-long.1, or P19-1001 for older
 * papers). Example URLs at the bottom of this file.
 *
 * One row per paper (Hugo templates): a title link to /<id>/ in <strong>, author links joined by " | ",
 * and, as the row's NEXT SIBLING, a collapsed `div.abstract-collapse` holding the abstract (in the DOM
 * whether shown or not). `<volume>.0` rows are the volume's front matter, not papers: skipped.
 * The site is served minified: attribute values are unquoted (`href=/2025.acl-long.2/`), which is the same
 * DOM for us.
 */
import type { PaperEntry } from '../paper';
import { anyOf, cleanAuthorList, queryFirst, textOf } from './read';
import type { DetectedEntry, SiteAdapter } from './types';

const SITE = 'acl-anthology';
const ORIGIN = 'https://aclanthology.org';
const PAGE_PATH = /^\/(?:events|volumes)\/[\w.-]+\/?$/;
// New ids (2024.acl-long.1, 2024.findings-emnlp.12) and old ones (P19-1001, W19-3601).
const ANTHOLOGY_ID = /^\/(\d{4}\.[a-z\d-]+\.\d+|[A-Z]\d{2}-\d{4})\/?$/i;

export function isAnthologyListing(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'aclanthology.org' && PAGE_PATH.test(url.pathname);
}

// ---- Selectors: alternatives, newest variant first ---------------------------------------------

const ENTRY_ROOTS = [
  // Bootstrap 5 templates (2025): one div per paper.
  '#main div.d-sm-flex.align-items-stretch',
  // Bootstrap 4 templates (until 2024): one p per paper.
  '#main p.d-sm-flex.align-items-stretch',
];
const TITLE_LINK = ['strong > a.align-middle[href]', 'strong > a[href]'];
const AUTHOR_LINKS = ['a[href^="/people/"]'];
const TEXT_COLUMN = ['span.d-block:not(.list-button-row)'];

export function readEntry(root: Element): DetectedEntry | undefined {
  const link = queryFirst(root, TITLE_LINK);
  const anthologyId = ANTHOLOGY_ID.exec(link?.getAttribute('href') ?? '')?.[1];
  const title = textOf(link);
  if (!link || !anthologyId || !title || anthologyId.endsWith('.0')) return undefined;
  const abstractElement = abstractOf(root, anthologyId);
  const paper: PaperEntry = {
    id: `acl:${anthologyId}`,
    site: SITE,
    url: `${ORIGIN}/${anthologyId}/`,
    title,
    authors: cleanAuthorList([...root.querySelectorAll(anyOf(AUTHOR_LINKS))].map((a) => textOf(a))),
    abstract: textOf(abstractElement),
  };
  const column = queryFirst(root, TEXT_COLUMN);
  return {
    paper,
    root,
    titleElement: link,
    abstractElement,
    // Under the author line, inside the row's text column (a block in the flex row, never in a link).
    placeUi: (host) => (column ?? root).append(host),
  };
}

/** The collapsed abstract after the row: id "abstract-<id with '.' written '--'>". */
function abstractOf(root: Element, anthologyId: string): Element | undefined {
  const next = root.nextElementSibling;
  const expectedId = `abstract-${anthologyId.replace(/\./g, '--')}`;
  if (next?.id !== expectedId) return undefined;
  return next.querySelector('.card-body') ?? next;
}

export function recognizesAnthology(doc: Document): boolean {
  const rows = doc.querySelectorAll(anyOf(ENTRY_ROOTS));
  return [...rows].slice(0, 3).some((row) => readEntry(row) !== undefined);
}

export const aclAnthology: SiteAdapter<undefined> = {
  name: SITE,
  matches: ['https://aclanthology.org/events/*', 'https://aclanthology.org/volumes/*'],
  isSupportedUrl: isAnthologyListing,
  exampleUrls: [
    'https://aclanthology.org/events/acl-2024/',
    'https://aclanthology.org/events/acl-2025/',
    'https://aclanthology.org/events/emnlp-2023/',
    'https://aclanthology.org/volumes/2024.acl-long/',
  ],
  recognizesPage: recognizesAnthology,
  entrySelector: anyOf(ENTRY_ROOTS),
  readContext: () => undefined,
  readEntry,
};

/*
Example URLs
https://aclanthology.org/events/acl-2024/       every volume of ACL 2024 (main conference and workshops)
https://aclanthology.org/volumes/2024.acl-long/ one volume
*/

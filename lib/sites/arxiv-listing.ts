/**
 * arXiv listings: /list/<category>/new (new submissions, cross-lists, replacements, with abstracts),
 * /recent and /pastweek (by day), and the month/year archives, with `skip`/`show` paging, in the layout
 * served since 2024 and in the legacy one. Example URLs at the bottom of this file.
 *
 * Entries are <dt>/<dd> pairs in `div#dlpage dl`. The entry root is the <dd> (title, authors, abstract):
 * MathJax rewrites its title and abstract after load, and the annotator re-reads an entry whenever
 * something inside its root changes, so highlights are re-anchored after typesetting. The arXiv id comes
 * from the <dt> just before it. Text is read as TeX source (lib/sites/tex-text), the same before and after
 * typesetting. Our UI goes between the metadata and the abstract, in no `.mathjax` element.
 */
import { arxivIdFromPath } from '../paper-id';
import type { PaperEntry, PaperId } from '../paper';
import { arxivAbsUrl, isArxivHost } from './arxiv-common';
import { anyOf, cleanAuthorList, queryFirst, textOf, withoutLabel } from './read';
import { texText } from './tex-text';
import type { DetectedEntry, SiteAdapter } from './types';

const SITE = 'arxiv';

// ---- URL detector -----------------------------------------------------------------------------

// Archive or category ("cs", "cs.LG", "math-ph", "astro-ph.CO", "physics.comp-ph"), then the listing:
// new | recent | pastweek | yyyy-mm (canonical month) | yymm / yyyymm (older month links) | yyyy / yy (year).
const LISTING_PATH = /^\/list\/[a-z-]+(?:\.[a-z-]+)?\/(?:new|recent|pastweek|\d{4}-\d{2}|\d{4}|\d{6}|\d{2})\/?$/i;

export function isArxivListing(url: URL): boolean {
  return isArxivHost(url) && LISTING_PATH.test(url.pathname);
}

// ---- Selectors: alternatives, newest variant first ---------------------------------------------

// One <dd> per entry, in every layout: 2024 layout `dl#articles` (one per section, the id repeats),
// legacy layout plain <dl> (sections are <h3> siblings before each <dl>).
const ENTRY_ROOTS = ['#dlpage dl > dd'];

const ID_LINK = [
  // 2024 layout: <a href="/abs/<id>" title="Abstract" id="<id>">arXiv:<id></a>.
  'a[title="Abstract"][href*="/abs/"]',
  // Legacy layout: the same link inside span.list-identifier.
  '.list-identifier a[href*="/abs/"]',
  // Any abstract link in the <dt> (a relabelled title attribute).
  'a[href*="/abs/"]',
];

// Both layouts: div.list-title.mathjax starting with span.descriptor "Title:".
const TITLE = ['div.list-title', '.list-title'];
// Both layouts: author links in div.list-authors (legacy: after span.descriptor "Authors:").
const AUTHOR_LINKS = ['div.list-authors a', '.list-authors a'];
// /new only: the abstract paragraph after the metadata (2024: p.mathjax; legacy: p.mathjax too).
const ABSTRACT = ['div.meta > p.mathjax', 'p.mathjax'];
// The end of the metadata (our UI goes after it, before the abstract).
const SUBJECTS = ['div.list-subjects', '.list-subjects'];
const META = ['div.meta'];

// Joined once here, not on every entry read.
const AUTHOR_LINKS_SELECTOR = anyOf(AUTHOR_LINKS);
const TITLE_SELECTOR = anyOf(TITLE);

// ---- Entries ----------------------------------------------------------------------------------

export function readEntry(root: Element): DetectedEntry | undefined {
  const dt = root.previousElementSibling;
  if (root.localName !== 'dd' || dt?.localName !== 'dt') return undefined;
  const id = listingId(dt);
  if (!id) return undefined;
  const parts = metaParts(root);
  const titleElement = parts.title ?? queryFirst(root, TITLE);
  const title = withoutLabel(texText(titleElement), 'Title:');
  if (!titleElement || !title) return undefined;
  const abstractElement = parts.abstract ?? queryFirst(root, ABSTRACT);
  const authorLinks = parts.authors?.getElementsByTagName('a') ?? root.querySelectorAll(AUTHOR_LINKS_SELECTOR);
  const paper: PaperEntry = {
    id,
    site: SITE,
    url: arxivAbsUrl(id),
    title,
    // cleanAuthorList normalises each name itself.
    authors: cleanAuthorList(Array.from(authorLinks, (link) => link.textContent)),
    abstract: texText(abstractElement),
  };
  return {
    paper,
    root,
    titleElement,
    abstractElement,
    placeUi: (host) => placeBeforeAbstract(root, abstractElement, host),
  };
}

/** The arXiv id of a listing entry's <dt>: from its abstract link (the link's text says the same). */
export function listingId(dt: Element): PaperId | undefined {
  const link = abstractLinkChild(dt) ?? queryFirst(dt, ID_LINK);
  return link ? arxivIdFromPath(link.getAttribute('href') ?? '') : undefined;
}

/**
 * The parts of an entry found by walking the children of its `div.meta` (both layouts: title first, then
 * authors, comments, subjects, abstract), each the element the selector lists above would find.
 * Why: descendant queries walk the whole entry, on /new its abstract too (full of glyph spans once MathJax
 * has run), and the annotator reads an entry again after every change inside it: on a 2,000-entry page
 * those queries were a third of the reading time. Only taken when `div.meta` is the entry's first child and the title
 * its first child, so nothing before them can match; what the walk does not find is queried as before.
 */
interface MetaParts {
  title?: Element;
  authors?: Element;
  abstract?: Element;
}

function metaParts(root: Element): MetaParts {
  const meta = root.firstElementChild;
  if (!meta || !isElement(meta, 'div', 'meta')) return {};
  const title = meta.firstElementChild;
  if (!title || !isElement(title, 'div', 'list-title')) return {};
  const parts: MetaParts = { title };
  for (let child = title.nextElementSibling; child; child = child.nextElementSibling) {
    if (!parts.authors && isElement(child, 'div', 'list-authors')) parts.authors = child;
    else if (isElement(child, 'p', 'mathjax')) {
      parts.abstract = child;
      break;
    }
  }
  return parts;
}

/**
 * The first alternative of ID_LINK (`a[title="Abstract"][href*="/abs/"]`) among the <dt>'s children
 * (2024 layout), without a selector match per entry. Gives up at the first child that has children of
 * its own (legacy layout: span.list-identifier), where a nested link could come first.
 */
function abstractLinkChild(dt: Element): Element | undefined {
  for (let child = dt.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === 'a' && child.getAttribute('title') === 'Abstract' && child.getAttribute('href')?.includes('/abs/')) {
      return child;
    }
    if (child.firstElementChild) return undefined;
  }
  return undefined;
}

function isElement(element: Element, tag: string, className: string): boolean {
  return element.localName === tag && element.classList.contains(className);
}

/** After the metadata, before the abstract: never inside a `.mathjax` element MathJax rewrites. */
function placeBeforeAbstract(root: Element, abstractElement: Element | undefined, host: HTMLElement): void {
  if (abstractElement?.parentElement && root.contains(abstractElement)) {
    abstractElement.before(host);
    return;
  }
  const subjects = queryFirst(root, SUBJECTS);
  if (subjects) subjects.after(host);
  else (queryFirst(root, META) ?? root).append(host);
}


// ---- Sections (tests, and features that group entries) ----------------------------------------

export type SectionKind = 'new' | 'cross' | 'replacement' | 'day' | 'none';

export interface ListingSection {
  /** The heading as shown ("New submissions (showing 34 of 34 entries)", "Mon, 28 Sep 2026 (...)"), '' if none. */
  heading: string;
  kind: SectionKind;
  /** The entry roots (<dd>) of the section, in page order. */
  roots: Element[];
}

/**
 * The listing's sections in page order. 2024 layout: the <h3> is the first child of each `dl#articles`.
 * Legacy: the <h3> ("New submissions for Thu, 10 Feb 22", "Cross-lists for ...") precedes each <dl>.
 * Month and year archives have one <dl> and no heading.
 */
export function listingSections(doc: Document): ListingSection[] {
  return [...doc.querySelectorAll('#dlpage dl')].map((dl) => {
    const heading = textOf(dl.querySelector(':scope > h3') ?? previousHeading(dl));
    return { heading, kind: sectionKind(heading), roots: [...dl.querySelectorAll(':scope > dd')] };
  });
}

function previousHeading(dl: Element): Element | undefined {
  for (let node = dl.previousElementSibling; node; node = node.previousElementSibling) {
    if (node.localName === 'h3') return node;
    if (node.localName === 'dl') return undefined;
  }
  return undefined;
}

function sectionKind(heading: string): SectionKind {
  if (/^new submissions/i.test(heading)) return 'new';
  if (/^cross/i.test(heading)) return 'cross';
  if (/^replace/i.test(heading)) return 'replacement';
  if (/^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4}/.test(heading)) return 'day';
  return 'none';
}

// ---- Adapter ----------------------------------------------------------------------------------

/** A page built like an arXiv listing, wherever it is served (a mirror the user enabled). */
export function recognizesListing(doc: Document): boolean {
  const firstDt = doc.querySelector('#dlpage dl > dt');
  return !!firstDt && listingId(firstDt) !== undefined && firstDt.nextElementSibling?.querySelector(TITLE_SELECTOR) != null;
}

export const arxivListing: SiteAdapter<undefined> = {
  name: 'arxiv-listing',
  // *.arxiv.org also covers arxiv.org itself; the detector narrows it to arXiv's own hosts.
  matches: ['https://*.arxiv.org/list/*'],
  isSupportedUrl: isArxivListing,
  exampleUrls: [
    'https://arxiv.org/list/cs.LG/new',
    'https://arxiv.org/list/cs/new?skip=0&show=2000',
    'https://arxiv.org/list/cs.LG/recent',
    'https://arxiv.org/list/cs.LG/pastweek?skip=75&show=100',
    'https://arxiv.org/list/cs.LG/2026-09?skip=100&show=50',
    'https://arxiv.org/list/cs.LG/2026',
    'https://arxiv.org/list/hep-th/2609',
    'https://export.arxiv.org/list/math-ph/new',
  ],
  recognizesPage: recognizesListing,
  entrySelector: anyOf(ENTRY_ROOTS),
  readContext: () => undefined,
  readEntry,
};

/*
Example URLs
https://arxiv.org/list/cs.LG/new                          new submissions, cross-lists, replacements (abstracts shown)
https://arxiv.org/list/cs/new?skip=0&show=2000            the whole day of a big archive on one page (issue 4 bench)
https://arxiv.org/list/cs.LG/recent                       last five days, by day (no abstracts)
https://arxiv.org/list/cs.LG/pastweek?skip=75&show=100    a later page of the past week
https://arxiv.org/list/cs.LG/2026-09?skip=100&show=50     a month (canonical form; /2609 and /202609 redirect here)
https://arxiv.org/list/cs.LG/2026                         a year
*/

/**
 * OpenReview: venue pages (/group?id=<venue>, every tab of submissions), submission lists
 * (/submissions?venue=…) and a paper's forum (/forum?id=<id>). Papers are keyed `openreview:<forum id>`.
 * Example URLs at the bottom of this file.
 *
 * OpenReview is a Next.js app: venue lists are fetched and rendered client-side, page by page, so entries
 * arrive over time (the shared observer hands each one over). On lists the abstract is inside the
 * collapsed "Show details" block, which is in the DOM only once opened (then the entry is read again).
 * The forum's replies (`div.note[data-id]` in #forum-replies) are not papers and are not read.
 * Titles and abstracts may be typeset by MathJax 3: lib/sites/tex-text keeps their first reading.
 */
import type { PaperEntry } from '../paper';
import { anyOf, cleanAuthorList, queryFirst, textOf } from './read';
import { texText } from './tex-text';
import type { DetectedEntry, SiteAdapter } from './types';

const SITE = 'openreview';
const ORIGIN = 'https://openreview.net';
const PAGE_PATHS = new Set(['/group', '/forum', '/submissions']);

export function isOpenReviewPage(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'openreview.net' && PAGE_PATHS.has(url.pathname) && url.searchParams.has(url.pathname === '/submissions' ? 'venue' : 'id');
}

// ---- Selectors: alternatives, newest variant first ---------------------------------------------

const LIST_NOTE = 'ul.list-paginated > li > div.note';
const FORUM_NOTE = 'div.forum-container > div.forum-note';
const ENTRY_ROOTS = [LIST_NOTE, FORUM_NOTE];
const LIST_TITLE_LINK = ['h4 > a[href*="forum?id="]'];
const FORUM_TITLE = ['h2.citation_title', '.forum-title h2'];
const LIST_AUTHORS = ['div.note-authors a'];
const FORUM_AUTHORS = ['div.forum-authors a'];
// One <div> per field: strong.note-content-field ("Abstract:"; "Abstract<!-- -->:" in server HTML) + value.
const CONTENT_FIELDS = ['div.note-content > div'];
const FIELD_NAME = ['strong.note-content-field', 'strong'];
const FIELD_VALUE = ['.note-content-value'];

export interface OpenReviewContext {
  /** The forum page's id (from the URL), when on a forum page. */
  forumId?: string;
}

export function readContext(_doc: Document, url: URL): OpenReviewContext {
  return url.pathname === '/forum' ? { forumId: url.searchParams.get('id') ?? undefined } : {};
}

export function readEntry(root: Element, context: OpenReviewContext): DetectedEntry | undefined {
  return root.matches(FORUM_NOTE) ? readForum(root, context) : readListNote(root);
}

function readListNote(root: Element): DetectedEntry | undefined {
  const link = queryFirst(root, LIST_TITLE_LINK);
  const forumId = forumIdOf(link?.getAttribute('href'));
  const title = texText(link);
  if (!link || !forumId || !title) return undefined;
  const abstractElement = abstractValue(root);
  const authors = queryFirst(root, ['div.note-authors']);
  return entry(root, forumId, title, [...root.querySelectorAll(anyOf(LIST_AUTHORS))], link, abstractElement, (host) =>
    (authors ?? link.parentElement ?? root).after(host),
  );
}

function readForum(root: Element, context: OpenReviewContext): DetectedEntry | undefined {
  const titleElement = queryFirst(root, FORUM_TITLE);
  const title = texText(titleElement);
  // The forum's id: from the URL, else from its PDF link (/pdf?id=<id>).
  const forumId = context.forumId ?? forumIdOf(root.querySelector('a[href*="pdf?id="]')?.getAttribute('href'));
  if (!titleElement || !title || !forumId) return undefined;
  const authors = queryFirst(root, ['div.forum-authors']);
  return entry(root, forumId, title, [...root.querySelectorAll(anyOf(FORUM_AUTHORS))], titleElement, abstractValue(root), (host) =>
    (authors ?? titleElement).after(host),
  );
}

function entry(
  root: Element,
  forumId: string,
  title: string,
  authorLinks: Element[],
  titleElement: Element,
  abstractElement: Element | undefined,
  placeUi: (host: HTMLElement) => void,
): DetectedEntry {
  const paper: PaperEntry = {
    id: `openreview:${forumId}`,
    site: SITE,
    url: `${ORIGIN}/forum?id=${encodeURIComponent(forumId)}`,
    title,
    authors: cleanAuthorList(authorLinks.map((a) => textOf(a))),
    abstract: texText(abstractElement),
  };
  return { paper, root, titleElement, abstractElement, placeUi };
}

/** The value element of the note's "Abstract" field, when the page shows it. */
function abstractValue(root: Element): Element | undefined {
  for (const field of root.querySelectorAll(anyOf(CONTENT_FIELDS))) {
    if (/^abstract\s*:?$/i.test(textOf(queryFirst(field, FIELD_NAME)))) return queryFirst(field, FIELD_VALUE);
  }
  return undefined;
}

function forumIdOf(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const id = new URL(href, ORIGIN).searchParams.get('id');
    return id && /^[\w-]+$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

export function recognizesOpenReview(doc: Document): boolean {
  const first = doc.querySelector(anyOf(ENTRY_ROOTS));
  return !!first && readEntry(first, {}) !== undefined;
}

export const openreview: SiteAdapter<OpenReviewContext> = {
  name: SITE,
  // The whole site: it navigates client-side between venues, forums and profiles. The detector narrows it.
  matches: ['https://openreview.net/*'],
  isSupportedUrl: isOpenReviewPage,
  exampleUrls: [
    'https://openreview.net/group?id=colmweb.org/COLM/2024/Conference#tab-accept',
    'https://openreview.net/group?id=ICLR.cc/2025/Conference',
    'https://openreview.net/forum?id=dribhnhm1i',
    'https://openreview.net/submissions?venue=ICLR.cc/2025/Conference',
  ],
  recognizesPage: recognizesOpenReview,
  entrySelector: anyOf(ENTRY_ROOTS),
  readContext,
  readEntry,
};

/*
Example URLs
https://openreview.net/group?id=colmweb.org/COLM/2024/Conference#tab-accept   a venue, accepted papers tab
https://openreview.net/forum?id=dribhnhm1i                                    one paper's forum
https://openreview.net/submissions?venue=ICLR.cc/2025/Conference              all submissions of a venue
*/

/**
 * alphaXiv paper pages: /abs/<arXiv id>[vN] and /overview/<arXiv id>[vN]. One entry, keyed by the arXiv id
 * (the same identity as on arXiv and Hugging Face). Example URLs at the bottom of this file.
 *
 * alphaXiv is a client-rendered app whose markup we have no capture of (tests/fixtures/alphaxiv: the body
 * of those pages is invented). So nothing here depends on its classes: the id comes from the URL, the
 * metadata from what the page declares for others (JSON-LD ScholarlyArticle, og:title, <title>), and the
 * page's elements are found by their content: the title is the <h1> saying the paper's title, the
 * abstract the paragraph that starts like the declared abstract. The UI goes right after that <h1>.
 */
import { arxivIdFromPath, normalizeArxivId } from '../paper-id';
import type { PaperEntry, PaperId } from '../paper';
import { arxivAbsUrl } from './arxiv-common';
import { cleanAuthorList, isRecord, normalizeText, stringField, textOf } from './read';
import { texText } from './tex-text';
import type { DetectedEntry, SiteAdapter } from './types';

const SITE = 'alphaxiv';
const HOSTS = new Set(['www.alphaxiv.org', 'alphaxiv.org']);
const PAPER_PATH = /^\/(?:abs|overview)\/(\d{4}\.\d{4,5}(?:v\d+)?)\/?$/;

/** The arXiv id of an alphaXiv paper page, else undefined. */
export function alphaxivPaperId(url: URL): PaperId | undefined {
  if (url.protocol !== 'https:' || !HOSTS.has(url.hostname)) return undefined;
  const match = PAPER_PATH.exec(url.pathname);
  return match ? normalizeArxivId(match[1]!) : undefined;
}

/** What the page declares about its paper (head metadata), read again for every entry: the app swaps it. */
interface Declared {
  title: string;
  abstract: string;
  /** True when the abstract is the whole one (JSON-LD), false for a cut description. */
  abstractComplete: boolean;
  authors: string[];
}

export interface AlphaxivContext {
  id?: PaperId;
}

export function readContext(_doc: Document, url: URL): AlphaxivContext {
  return { id: alphaxivPaperId(url) };
}

export function readEntry(root: Element, context: AlphaxivContext): DetectedEntry | undefined {
  if (!context.id || root.localName !== 'h1') return undefined;
  const doc = root.ownerDocument;
  const declared = readDeclared(doc, context.id);
  const title = texText(root);
  if (!title || titleHeading(doc, declared.title) !== root) return undefined;
  const abstractElement = declared.abstract ? findParagraphStartingLike(doc, declared.abstract) : undefined;
  const shown = abstractElement ? texText(abstractElement) : '';
  const paper: PaperEntry = {
    id: context.id,
    site: SITE,
    url: arxivAbsUrl(context.id),
    title,
    authors: declared.authors,
    // The declared abstract when it is whole; else what the page shows, else the (cut) description.
    abstract: declared.abstractComplete ? declared.abstract : shown || declared.abstract,
  };
  return { paper, root, titleElement: root, abstractElement, placeUi: (host) => root.after(host) };
}

function readDeclared(doc: Document, id: PaperId): Declared {
  const meta = (selector: string) => normalizeText(doc.querySelector(selector)?.getAttribute('content'));
  const article = scholarlyArticle(doc, id);
  const title =
    normalizeText(article ? stringField(article, 'headline') || stringField(article, 'name') : '') ||
    meta('meta[property="og:title"]') ||
    normalizeText(doc.title.replace(/\s*\|\s*alphaXiv\s*$/i, ''));
  const jsonAbstract = article ? normalizeText(stringField(article, 'abstract')) : '';
  const authors = article && Array.isArray(article.author) ? article.author.map((a) => (isRecord(a) ? stringField(a, 'name') : '')) : [];
  const citationAuthors = [...doc.querySelectorAll('meta[name="citation_author"]')].map((m) => m.getAttribute('content'));
  return {
    title,
    abstract: jsonAbstract || meta('meta[property="og:description"]') || meta('meta[name="description"]'),
    abstractComplete: jsonAbstract !== '',
    authors: cleanAuthorList(authors.length > 0 ? authors : citationAuthors),
  };
}

/** The page's JSON-LD ScholarlyArticle about this paper (another paper's block, e.g. a recommendation, is ignored). */
function scholarlyArticle(doc: Document, id: PaperId): Record<string, unknown> | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    for (const item of Array.isArray(data) ? data : [data]) {
      if (!isRecord(item) || item['@type'] !== 'ScholarlyArticle') continue;
      const named = stringField(item, 'identifier') || stringField(item, 'url');
      const itemId = normalizeArxivId(named.replace(/^arxiv:/i, '')) ?? arxivIdFromPath(named.replace(/^https?:\/\/[^/]+/, ''));
      if (!itemId || itemId === id) return item;
    }
  }
  return undefined;
}

/** The first paragraph whose text starts with the first 60 characters of `text`. */
function findParagraphStartingLike(doc: Document, text: string): Element | undefined {
  const start = text.slice(0, 60);
  return [...doc.querySelectorAll('p')].find((p) => textOf(p).startsWith(start));
}

/**
 * The <h1> showing the paper's title (a page can have other <h1>s: the site's name, a dialog); when none
 * says the declared title (typeset differently, retitled), the first <h1> of the main content.
 */
function titleHeading(doc: Document, declaredTitle: string): Element | undefined {
  const headings = [...doc.querySelectorAll('h1')];
  return (
    (declaredTitle ? headings.find((h1) => sameText(texText(h1), declaredTitle)) : undefined) ??
    doc.querySelector('main h1') ??
    headings[0]
  );
}

function sameText(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export const alphaxiv: SiteAdapter<AlphaxivContext> = {
  name: SITE,
  // The whole site: it navigates client-side from its feeds to paper pages. The detector narrows it.
  matches: ['https://*.alphaxiv.org/*'],
  isSupportedUrl: (url) => alphaxivPaperId(url) !== undefined,
  exampleUrls: [
    'https://www.alphaxiv.org/abs/2609.31620',
    'https://www.alphaxiv.org/abs/2609.31620v2',
    'https://www.alphaxiv.org/overview/2609.31620v1',
    'https://alphaxiv.org/abs/2609.31620',
  ],
  entrySelector: 'h1',
  readContext,
  readEntry,
};

/*
Example URLs
https://www.alphaxiv.org/abs/2609.31620          paper page (discussion)
https://www.alphaxiv.org/overview/2609.31620v1   AI overview of a given version (same identity: 2609.31620)
https://alphaxiv.org/abs/2609.31620              links from arXiv's Labs tab use the bare host
*/

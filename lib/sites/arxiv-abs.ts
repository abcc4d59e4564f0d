/**
 * The arXiv abstract page, /abs/<id>[vN]: one entry (title, authors, abstract). Example URLs at the bottom.
 *
 * The entry root is `div#abs` (title, authors and abstract inside it, so the annotator re-reads it after
 * MathJax typesets the title and abstract). Text is read as TeX source (lib/sites/tex-text). The id comes
 * from the URL, else from the `citation_arxiv_id` meta tag (a mirror with other URLs).
 */
import { arxivIdFromPath, normalizeArxivId } from '../paper-id';
import type { PaperEntry, PaperId } from '../paper';
import { arxivAbsUrl, citationDate, isArxivHost } from './arxiv-common';
import { anyOf, cleanAuthorList, queryFirst, textOf, withoutLabel } from './read';
import { texText } from './tex-text';
import type { DetectedEntry, SiteAdapter } from './types';

const SITE = 'arxiv';

// New-style ids (2609.31620[v2]) and old-style ids (math/0309136[v1], hep-th/9901001).
const ABS_PATH = /^\/abs\/(?:[a-z-]+(?:\.[a-z]{2})?\/\d{7}|\d{4}\.\d{4,5})(?:v\d+)?\/?$/i;

export function isArxivAbstractPage(url: URL): boolean {
  return isArxivHost(url) && ABS_PATH.test(url.pathname);
}

// ---- Selectors: alternatives, newest variant first ---------------------------------------------

// abs.html since 2018 (arxiv-base abs() macro): div#abs holds dateline, h1.title, div.authors, blockquote.abstract.
const ENTRY_ROOTS = ['#abs'];
const TITLE = ['h1.title', 'h1'];
const AUTHORS = ['div.authors'];
const ABSTRACT = ['blockquote.abstract', '.abstract'];

export interface AbstractPageContext {
  id?: PaperId;
  published?: string;
}

export function readContext(doc: Document, url: URL): AbstractPageContext {
  const fromMeta = doc.querySelector('meta[name="citation_arxiv_id"]')?.getAttribute('content');
  return {
    id: arxivIdFromPath(url.pathname) ?? (fromMeta ? normalizeArxivId(fromMeta) : undefined),
    published: citationDate(doc),
  };
}

export function readEntry(root: Element, context: AbstractPageContext): DetectedEntry | undefined {
  const titleElement = queryFirst(root, TITLE);
  const title = withoutLabel(texText(titleElement), 'Title:');
  if (!context.id || !titleElement || !title) return undefined;
  const authorsElement = queryFirst(root, AUTHORS);
  const abstractElement = queryFirst(root, ABSTRACT);
  const paper: PaperEntry = {
    id: context.id,
    site: SITE,
    url: arxivAbsUrl(context.id),
    title,
    authors: cleanAuthorList([...(authorsElement?.querySelectorAll('a') ?? [])].map((link) => textOf(link))),
    abstract: withoutLabel(texText(abstractElement), 'Abstract:'),
  };
  if (context.published) paper.published = context.published;
  return {
    paper,
    root,
    titleElement,
    abstractElement,
    // Below the author line, above the abstract; outside every `.mathjax` element.
    placeUi: (host) => (authorsElement ?? titleElement).after(host),
  };
}


/** A page built like arXiv's abstract page (a mirror the user enabled). */
export function recognizesAbstractPage(doc: Document): boolean {
  return doc.querySelector('#abs h1.title') !== null && doc.querySelector('meta[name="citation_arxiv_id"]') !== null;
}

export const arxivAbstract: SiteAdapter<AbstractPageContext> = {
  name: 'arxiv-abs',
  matches: ['https://*.arxiv.org/abs/*'],
  isSupportedUrl: isArxivAbstractPage,
  exampleUrls: [
    'https://arxiv.org/abs/2609.31620',
    'https://arxiv.org/abs/0704.0002v2',
    'https://arxiv.org/abs/hep-th/9901001',
    'https://www.arxiv.org/abs/2401.01234v3',
  ],
  recognizesPage: recognizesAbstractPage,
  entrySelector: anyOf(ENTRY_ROOTS),
  readContext,
  readEntry,
};

/*
Example URLs
https://arxiv.org/abs/2609.31620         latest version
https://arxiv.org/abs/0704.0002v2        a given version (same identity: 0704.0002)
https://arxiv.org/abs/hep-th/9901001     old-style id
*/

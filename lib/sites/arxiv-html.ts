/**
 * arXiv's HTML rendering of a paper (LaTeXML), arxiv.org/html/<id>[vN] and the ar5iv mirror
 * ar5iv.labs.arxiv.org/html/<id>: one entry, the paper itself. Example URLs at the bottom of this file.
 *
 * The id comes from the URL, else from the "arXiv:2609.01222v2 [cs.CR] …" watermark. The author block is
 * usually ONE `span.ltx_personname` with every name separated by commas and newlines, followed (after a
 * <br>) by e-mails and affiliations; we read the names up to the first <br>. The abstract is
 * `div.ltx_abstract`; papers typeset before 2024 often have it as a numbered section titled "Abstract"
 * instead. Formulas are MathML with `alttext` (read as TeX, lib/sites/tex-text). arXiv's page script
 * inserts hidden "Report issue for preceding element" buttons after every block: they are not text.
 */
import { arxivIdFromPath, normalizeArxivId } from '../paper-id';
import type { PaperEntry, PaperId } from '../paper';
import { arxivAbsUrl, arxivTheme, isArxivHost } from './arxiv-common';
import { anyOf, cleanAuthorList, normalizeText, queryFirst, splitAuthorLine, withoutLabel } from './read';
import { texText } from './tex-text';
import type { DetectedEntry, SiteAdapter, Theme } from './types';

const SITE = 'arxiv';

const HTML_PATH = /^\/html\/(?:[a-z-]+(?:\.[a-z]{2})?\/\d{7}|\d{4}\.\d{4,5})(?:v\d+)?\/?$/i;

export function isArxivHtml(url: URL): boolean {
  const host = isArxivHost(url) || (url.protocol === 'https:' && url.hostname === 'ar5iv.labs.arxiv.org');
  return host && HTML_PATH.test(url.pathname);
}

// ---- Selectors: alternatives, newest variant first ---------------------------------------------

// LaTeXML output, every era: article.ltx_document with h1.ltx_title_document.
const ENTRY_ROOTS = ['article.ltx_document'];
const TITLE = ['h1.ltx_title_document', 'h1.ltx_title'];
const AUTHOR_BLOCK = ['div.ltx_authors'];
const PERSON_NAMES = ['.ltx_role_author .ltx_personname', '.ltx_personname'];
// 2025-26: div.ltx_abstract (h6 "Abstract" + paragraphs).
const ABSTRACT = ['div.ltx_abstract'];
const ABSTRACT_PARAGRAPHS = ['p.ltx_p', 'p'];
// 2024: a (sub)section whose heading is "Abstract" (headings carry a number tag such as "1.1").
const SECTION_HEADINGS = ['section > h2.ltx_title, section > h3.ltx_title, section > h4.ltx_title'];
const WATERMARK = ['#watermark-tr'];

export interface HtmlPageContext {
  id?: PaperId;
}

export function readContext(doc: Document, url: URL): HtmlPageContext {
  const watermark = /arXiv:(\S+)/.exec(normalizeText(queryFirst(doc, WATERMARK)?.textContent))?.[1];
  return { id: arxivIdFromPath(url.pathname) ?? (watermark ? normalizeArxivId(watermark) : undefined) };
}

export function readEntry(root: Element, context: HtmlPageContext): DetectedEntry | undefined {
  const titleElement = queryFirst(root, TITLE);
  const title = texText(titleElement);
  if (!context.id || !titleElement || !title) return undefined;
  const abstractElement = queryFirst(root, ABSTRACT) ?? abstractSection(root);
  const authorBlock = queryFirst(root, AUTHOR_BLOCK);
  const paper: PaperEntry = {
    id: context.id,
    site: SITE,
    url: arxivAbsUrl(context.id),
    title,
    authors: authorBlock ? readAuthors(authorBlock) : [],
    abstract: abstractElement ? readAbstract(abstractElement) : '',
  };
  return {
    paper,
    root,
    titleElement,
    abstractElement,
    placeUi: (host) => (authorBlock ?? titleElement).after(host),
  };
}

/** Names before the first line break of each person block; footnote marks and notes left out. */
function readAuthors(block: Element): string[] {
  const names: string[] = [];
  for (const person of block.querySelectorAll(anyOf(PERSON_NAMES))) {
    let line = '';
    for (let node = person.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) line += (node as Text).data;
      else if (node instanceof Element) {
        if (node.localName === 'br') break;
        if (node.localName === 'sup' || /ltx_note|ltx_contact|ltx_author_notes/.test(node.className)) continue;
        line += node.textContent ?? '';
      }
    }
    names.push(...splitAuthorLine(line.replace(/\n/g, ', ')));
  }
  return cleanAuthorList(names);
}

function readAbstract(element: Element): string {
  const paragraphs = [...element.querySelectorAll(anyOf(ABSTRACT_PARAGRAPHS))];
  if (paragraphs.length === 0) return withoutLabel(texText(element), 'Abstract');
  return normalizeText(paragraphs.map((p) => texText(p)).join(' '));
}

/** The 2024-era "1.1 Abstract" section: its body, without the heading. */
function abstractSection(root: Element): Element | undefined {
  const heading = [...root.querySelectorAll(anyOf(SECTION_HEADINGS))].find((h) => /^(?:[\d.]+\s*)?abstract$/i.test(texText(h)));
  return heading?.parentElement?.querySelector('.ltx_para') ?? undefined;
}

function readTheme(doc: Document): Theme {
  return arxivTheme(doc) ?? (doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}

export function recognizesHtmlPage(doc: Document): boolean {
  return doc.querySelector('article.ltx_document h1.ltx_title_document') !== null && queryFirst(doc, WATERMARK) !== undefined;
}

export const arxivHtml: SiteAdapter<HtmlPageContext> = {
  name: 'arxiv-html',
  matches: ['https://*.arxiv.org/html/*'],
  isSupportedUrl: isArxivHtml,
  exampleUrls: [
    'https://arxiv.org/html/2609.01222v2',
    'https://arxiv.org/html/2609.01222v2/',
    'https://arxiv.org/html/2609.01222',
    'https://ar5iv.labs.arxiv.org/html/1706.03762',
  ],
  recognizesPage: recognizesHtmlPage,
  entrySelector: anyOf(ENTRY_ROOTS),
  readContext,
  readEntry,
  readTheme,
};

/*
Example URLs
https://arxiv.org/html/2609.01222v2          the HTML rendering of a given version (same identity: 2609.01222)
https://arxiv.org/html/2609.01222            the latest version
https://ar5iv.labs.arxiv.org/html/1706.03762 ar5iv, the older LaTeXML rendering service (same markup)
*/

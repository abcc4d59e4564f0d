/**
 * Hugging Face papers: the Daily Papers listings (day, week, month, trending, search) and the single
 * paper page. Example URLs at the bottom of this file.
 *
 * The cards show no abstract, but the page ships one: Svelte's hydration blocks
 * (`div.SVELTE_HYDRATER[data-target][data-props]`) carry each paper's `summary` and full author list.
 * The card itself is the fallback (title; authors from the avatar stack, which shows at most five).
 * The hydration JSON is written by the server once: after the page swaps cards client-side (period
 * buttons, search) new cards may have no JSON entry, and then get the card's fallback.
 */
import { arxivIdFromPath } from '../paper-id';
import type { PaperEntry, PaperId } from '../paper';
import type { DetectedEntry, SiteAdapter, Theme } from './types';
import {
  anyOf,
  cleanAuthorList,
  isRecord,
  isoDate,
  normalizeText,
  queryAllFirst,
  queryFirst,
  readJsonAttribute,
  stringField,
  textOf,
} from './read';

const SITE = 'huggingface';
const ORIGIN = 'https://huggingface.co';

// ---- URL detectors ----------------------------------------------------------------------------

const LISTING_PATHS = [
  /^\/papers\/?$/, // today's list, and search: /papers?q=...
  /^\/papers\/date\/\d{4}-\d{2}-\d{2}\/?$/,
  /^\/papers\/week\/\d{4}-W\d{1,2}\/?$/,
  /^\/papers\/month\/\d{4}-\d{2}\/?$/,
  /^\/papers\/trending\/?$/,
];
const PAPER_PATH = /^\/papers\/(\d{4}\.\d{4,5}(?:v\d+)?)\/?$/;

function isHuggingFace(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'huggingface.co';
}

export function isPaperListing(url: URL): boolean {
  return isHuggingFace(url) && LISTING_PATHS.some((path) => path.test(url.pathname));
}

/** The arXiv id of a single paper page, else undefined. */
export function paperPageId(url: URL): PaperId | undefined {
  if (!isHuggingFace(url)) return undefined;
  const match = PAPER_PATH.exec(url.pathname);
  return match ? arxivIdFromPath(`/papers/${match[1]}`) : undefined;
}

// ---- Selectors: alternatives, newest variant first ---------------------------------------------

const ENTRY_ROOTS = [
  // Listing card (day/week/month/trending/search; 2026-09 capture): one <article> per paper.
  'main article',
  // Single paper page (constructed approximation, see tests/fixtures): the <section> holding the <h1>.
  'main section:has(h1)',
];

const CARD_TITLE_LINK = [
  // 2026-09 card: <h3><a class="line-clamp-3" href="/papers/<id>">title</a></h3>.
  'h3 a[href*="/papers/"]',
  // Title link without the heading (older card markup kept by scrapers: a.line-clamp-3).
  'a.line-clamp-3[href*="/papers/"]',
];

const CARD_AVATAR_AUTHORS = [
  // Card without an organisation chip (2026-09): avatar stack, one <li title="Name"> per shown author.
  'a[href*="/papers/"] ul > li[title]',
  // Any titled avatar list in the card (if the stack loses its link wrapper).
  'ul > li[title]',
];

const PAGE_AUTHORS = [
  // Paper page author line: <span class="author"><a href="/user">Name</a></span> or a <button> for
  // unclaimed authors.
  '.author a, .author button',
  '.author',
];

// Hydration blocks that carry paper data: DailyPapers (listings), PaperContent (paper page). The
// trending page's block name is not captured yet, so any block naming papers is read.
const HYDRATION_BLOCKS = [
  '.SVELTE_HYDRATER[data-target*="Paper"][data-props]',
  '[data-target*="Paper"][data-props]',
];

// ---- Page context: the hydration JSON ---------------------------------------------------------

/** What the hydration JSON says about one paper. */
export interface HydratedPaper {
  id: PaperId;
  title: string;
  abstract: string;
  authors: string[];
  published?: string;
}

export interface HuggingFaceContext {
  url: URL;
  /** Papers described by the page's hydration JSON, by arXiv id. */
  papers: Map<PaperId, HydratedPaper>;
  /** On a single paper page, that paper's id. */
  paperPageId?: PaperId;
}

export function readContext(doc: Document, url: URL): HuggingFaceContext {
  const papers = new Map<PaperId, HydratedPaper>();
  for (const block of queryAllFirst(doc, HYDRATION_BLOCKS)) {
    collectPapers(readJsonAttribute(block, 'data-props'), papers, 0);
  }
  return { url, papers, paperPageId: paperPageId(url) };
}

/** Deep enough for `{dailyPapers: [{paper: {...}}]}` and `{paper: {...}}`; no deeper (cost bound). */
const MAX_JSON_DEPTH = 5;

/** Collect every object that looks like a paper (`id` is an arXiv id, has a title) from untrusted JSON. */
function collectPapers(value: unknown, into: Map<PaperId, HydratedPaper>, depth: number): void {
  if (depth > MAX_JSON_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) collectPapers(item, into, depth + 1);
    return;
  }
  if (!isRecord(value)) return;
  const paper = readHydratedPaper(value);
  if (paper) {
    const known = into.get(paper.id);
    // The same paper can appear twice (a list entry and its `paper`); keep the fuller record.
    if (!known || paper.abstract.length > known.abstract.length) into.set(paper.id, paper);
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    // Author and user objects never hold papers; skipping them keeps the walk small.
    if (key !== 'authors' && key !== 'comments') collectPapers(child, into, depth + 1);
  }
}

function readHydratedPaper(record: Record<string, unknown>): HydratedPaper | undefined {
  const rawId = stringField(record, 'id');
  const id = rawId ? arxivIdFromPath(`/papers/${rawId}`) : undefined;
  const title = normalizeText(stringField(record, 'title'));
  if (!id || !title) return undefined;
  const authors = Array.isArray(record.authors)
    ? cleanAuthorList(
        record.authors.filter((a) => isRecord(a) && a.hidden !== true).map((a) => stringField(a as Record<string, unknown>, 'name')),
      )
    : [];
  return {
    id,
    title,
    abstract: normalizeText(stringField(record, 'summary')),
    authors,
    published: isoDate(record.publishedAt),
  };
}

// ---- Entries ----------------------------------------------------------------------------------

export function readEntry(root: Element, context: HuggingFaceContext): DetectedEntry | undefined {
  return root.localName === 'article' ? readCard(root, context) : readPaperPage(root, context);
}

function readCard(root: Element, context: HuggingFaceContext): DetectedEntry | undefined {
  const link = queryFirst(root, CARD_TITLE_LINK);
  const id = link ? arxivIdFromPath(link.getAttribute('href') ?? '') : undefined;
  if (!link || !id) return undefined;
  const heading = link.closest('h3') ?? link;
  const paper = paperEntry(id, context.papers.get(id), {
    // Search results wrap matched words of the title in spans: textContent joins them back.
    title: textOf(link),
    authors: () => readAvatarAuthors(root),
    abstract: () => '', // cards show none
  });
  if (!paper) return undefined;
  return {
    paper,
    root,
    titleElement: heading,
    // Below the title's column (org chip / authors / counters): inside the card's padding, after all
    // of the card's own content, never inside one of its links.
    placeUi: (host) => {
      const column = heading.parentElement;
      if (column && column !== root && root.contains(column) && !column.closest('a')) column.append(host);
      else root.append(host);
    },
  };
}

/**
 * The names in a card's avatar stack, in the order the card shows them. The stack is laid out with
 * `flex-row-reverse` (2026-09), so the markup lists them last author first. Claimed authors' avatars
 * are titled with their Hugging Face user name, not their real name: that is all the card says.
 */
function readAvatarAuthors(root: Element): string[] {
  const avatars = queryAllFirst(root, CARD_AVATAR_AUTHORS);
  if (avatars[0]?.parentElement?.classList.contains('flex-row-reverse')) avatars.reverse();
  return cleanAuthorList(avatars.map((li) => li.getAttribute('title')));
}

function readPaperPage(root: Element, context: HuggingFaceContext): DetectedEntry | undefined {
  const id = context.paperPageId;
  const heading = root.querySelector('h1');
  // Only the innermost section holding the title is the entry (sections can nest).
  if (!id || !heading || heading.closest('section') !== root) return undefined;
  const doc = root.ownerDocument;
  const abstractElement = findAbstractParagraph(doc);
  const paper = paperEntry(id, context.papers.get(id), {
    title: textOf(heading),
    authors: () => cleanAuthorList(queryAllFirst(doc, PAGE_AUTHORS).map((element) => element.textContent)),
    abstract: () => textOf(abstractElement),
  });
  if (!paper) return undefined;
  return {
    paper,
    root,
    titleElement: heading,
    abstractElement,
    placeUi: (host) => heading.after(host),
  };
}

/**
 * The paper page's abstract: the paragraph under the "Abstract" heading that is not the AI-generated
 * summary box above it.
 */
function findAbstractParagraph(doc: Document): Element | undefined {
  const heading = [...doc.querySelectorAll('main h2')].find((h2) => /^abstract$/i.test(textOf(h2)));
  const section = heading?.parentElement;
  if (!section) return undefined;
  return [...section.querySelectorAll('p')].find(
    (p) => !p.closest('[class*="bg-blue"], [class*="border-blue"]') && textOf(p).length > 0,
  );
}

/**
 * The entry as the page shows it, completed by the hydration JSON: the title as displayed (the JSON's
 * if the markup has none), the JSON's full author list and abstract when it has them, else what the
 * markup shows (read only then). No title, no entry.
 */
function paperEntry(
  id: PaperId,
  hydrated: HydratedPaper | undefined,
  shown: { title: string; authors: () => string[]; abstract: () => string },
): PaperEntry | undefined {
  const title = shown.title || hydrated?.title;
  if (!title) return undefined;
  const paper: PaperEntry = {
    id,
    site: SITE,
    url: `${ORIGIN}/papers/${id}`,
    title,
    authors: hydrated?.authors.length ? hydrated.authors : shown.authors(),
    abstract: hydrated?.abstract || shown.abstract(),
  };
  if (hydrated?.published) paper.published = hydrated.published;
  return paper;
}

function readTheme(doc: Document): Theme {
  // Hugging Face toggles `dark` on <html> (its SystemThemeMonitor follows the OS when set to "system").
  return doc.documentElement.classList.contains('dark') ? 'dark' : 'light';
}

export const huggingface: SiteAdapter<HuggingFaceContext> = {
  name: SITE,
  // '/papers*' covers /papers, /papers?q=, /papers/date/..., /papers/<id>; isSupportedUrl narrows it.
  matches: ['https://huggingface.co/papers*'],
  isSupportedUrl: (url) => isPaperListing(url) || paperPageId(url) !== undefined,
  exampleUrls: [
    'https://huggingface.co/papers',
    'https://huggingface.co/papers?q=reward%20models',
    'https://huggingface.co/papers/date/2026-09-28',
    'https://huggingface.co/papers/week/2026-W39',
    'https://huggingface.co/papers/month/2026-09',
    'https://huggingface.co/papers/trending',
    'https://huggingface.co/papers/2609.31620',
  ],
  entrySelector: anyOf(ENTRY_ROOTS),
  readContext,
  readEntry,
  readTheme,
};

/*
Example URLs
https://huggingface.co/papers                      today's Daily Papers (2026-09-28 capture in tests/fixtures)
https://huggingface.co/papers?q=reward%20models    search results (cards; titles with highlighted words)
https://huggingface.co/papers/date/2026-09-25      one day
https://huggingface.co/papers/week/2026-W39        one week
https://huggingface.co/papers/month/2026-09        one month
https://huggingface.co/papers/trending             trending papers
https://huggingface.co/papers/2609.31620           a single paper page
*/

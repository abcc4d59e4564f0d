// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { arxivSearch, isArxivSearch } from '../../../lib/sites/arxiv-search';
import { normalizeText } from '../../../lib/sites/read';
import { arxivExpected, detectAll } from './arxiv-fixtures';
import { parseFixture } from './fixtures';
import { typesetLikeMathJax2 } from './mathjax';

interface ExpectedSearch {
  url: string;
  totalEntries: number;
  entriesWithAbstract: number;
  notCurrentVersion: string[];
  entries: { id: string; title: string; authors: string[]; abstractStart: string }[];
}

describe('arXiv search URL detector', () => {
  it.each([
    ['https://arxiv.org/search/?query=benchmark&searchtype=all', true],
    ['https://arxiv.org/search/cs?searchtype=author&query=Du%2C+H', true],
    ['https://arxiv.org/search/math-ph?query=x', true],
    ['https://arxiv.org/search/advanced?advanced=&terms-0-term=x', true],
    ['https://arxiv.org/search/', true],
    ['https://arxiv.org/search/cs/extra?query=x', false],
    ['https://arxiv.org/list/cs/new', false],
    ['https://search.arxiv.org/search/?query=x', false],
  ])('%s → %s', (href, expected) => expect(isArxivSearch(new URL(href))).toBe(expected));
});

const PAGES = Object.entries(arxivExpected<ExpectedSearch>()).filter(([file]) => file.startsWith('arxiv_search_benchmark'));

describe.each(PAGES)('arXiv search results %s', (file, expected) => {
  const { entries, roots } = detectAll(`arxiv/${file}`, arxivSearch, expected.url);

  it('reads every result: id without version, title with its highlighted words, authors, the whole abstract', () => {
    expect(roots).toHaveLength(expected.totalEntries);
    expect(entries.map((e) => e.paper.id)).toEqual(expected.entries.map((e) => e.id));
    expected.entries.forEach((model, index) => {
      const { paper } = entries[index]!;
      expect(paper.title).toBe(normalizeText(model.title));
      expect(paper.authors).toEqual(model.authors);
      if (model.abstractStart) {
        // The full abstract, not the excerpt ("…" + text around the hit + "▽ More") and without "△ Less".
        expect(paper.abstract.startsWith(normalizeText(model.abstractStart))).toBe(true);
        expect(paper.abstract).not.toMatch(/△|▽/);
      } else expect(paper.abstract).toBe('');
    });
    expect(entries.filter((e) => e.paper.abstract)).toHaveLength(expected.entriesWithAbstract);
  });

  it('reads a result that is not the latest version (vN link) under its versionless id', () => {
    for (const versioned of expected.notCurrentVersion) {
      expect(entries.some((e) => e.paper.id === versioned.replace(/v\d+$/, ''))).toBe(true);
    }
  });

  it('places the UI after the authors, outside MathJax, and reads the same after typesetting', () => {
    const entry = entries[0]!;
    const host = document.createElement('paperlight-entry');
    entry.placeUi(host);
    expect(host.previousElementSibling?.matches('p.authors')).toBe(true);
    expect(host.closest('.mathjax')).toBeNull();
    const before = entries.map((e) => e.paper);
    for (const e of entries) {
      typesetLikeMathJax2(e.titleElement!);
      if (e.abstractElement) typesetLikeMathJax2(e.abstractElement);
    }
    expect(entries.map((e) => arxivSearch.readEntry(e.root, undefined)!.paper)).toEqual(before);
  });
});

describe('arXiv search, other input', () => {
  it('reads the results rendered from the shared templates', () => {
    const { entries, roots } = detectAll(
      'arxiv/arxiv_search_results.rendered-from-arxiv-search-templates.html',
      arxivSearch,
      'https://arxiv.org/search/?query=x',
    );
    expect(entries).toHaveLength(roots.length);
    expect(roots.length).toBeGreaterThan(0);
    for (const { paper } of entries) expect(paper.id).toMatch(/^\d{4}\.\d{4,5}$/);
  });

  it('skips a result without id link or title, never throws', () => {
    const doc = parseFixture('arxiv/arxiv_search_benchmark_show-abstracts.rendered.html');
    const [first, second] = doc.querySelectorAll(arxivSearch.entrySelector);
    first!.querySelector('p.list-title')!.remove();
    second!.querySelector('p.title')!.remove();
    expect(arxivSearch.readEntry(first!, undefined)).toBeUndefined();
    expect(arxivSearch.readEntry(second!, undefined)).toBeUndefined();
    expect(arxivSearch.recognizesPage!(doc)).toBe(false); // its first result is unreadable now
    expect(arxivSearch.recognizesPage!(parseFixture('arxiv/arxiv_search_benchmark_hide-abstracts_page2.rendered.html'))).toBe(true);
  });
});

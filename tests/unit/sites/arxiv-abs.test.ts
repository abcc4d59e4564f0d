// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { arxivAbstract, isArxivAbstractPage } from '../../../lib/sites/arxiv-abs';
import { arxivExpected, detectAll } from './arxiv-fixtures';
import { parseFixture } from './fixtures';
import { typesetLikeMathJax2 } from './mathjax';

interface ExpectedAbs {
  url: string;
  arxivId: string;
  title: string;
  authors: string[];
  abstractStartsWith: string;
}

describe('arXiv abstract page URL detector', () => {
  it.each([
    ['https://arxiv.org/abs/2609.31620', true],
    ['https://arxiv.org/abs/2609.31620v3', true],
    ['https://arxiv.org/abs/0704.0002v2', true],
    ['https://arxiv.org/abs/hep-th/9901001', true],
    ['https://arxiv.org/abs/math.GT/0309136v1', true],
    ['https://www.arxiv.org/abs/2401.01234', true],
    ['https://arxiv.org/abs/', false],
    ['https://arxiv.org/abs/2609.31620/extra', false],
    ['https://arxiv.org/pdf/2609.31620', false],
    ['https://arxiv.org/list/cs.LG/new', false],
    ['https://alphaxiv.org/abs/2609.31620', false],
  ])('%s → %s', (href, expected) => expect(isArxivAbstractPage(new URL(href))).toBe(expected));
});

const PAGES = Object.entries(arxivExpected<ExpectedAbs>()).filter(([file]) => file.startsWith('arxiv_abs_'));

describe.each(PAGES)('arXiv abstract page %s', (file, expected) => {
  const { entries, roots } = detectAll(`arxiv/${file}`, arxivAbstract, expected.url);

  it('is one entry with the id (no version), title, authors and abstract', () => {
    expect(roots).toHaveLength(1);
    expect(entries).toHaveLength(1);
    const { paper } = entries[0]!;
    expect(paper.id).toBe(expected.arxivId);
    expect(paper.title).toBe(expected.title);
    expect(paper.authors).toEqual(expected.authors);
    expect(paper.abstract.startsWith(expected.abstractStartsWith)).toBe(true);
    expect(paper.url).toBe(`https://arxiv.org/abs/${expected.arxivId}`);
    expect(paper.site).toBe('arxiv');
    expect(paper.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('gives title and abstract elements, and places the UI below the authors, outside MathJax', () => {
    const entry = entries[0]!;
    expect(entry.titleElement?.matches('h1.title')).toBe(true);
    expect(entry.abstractElement?.matches('blockquote.abstract')).toBe(true);
    const host = document.createElement('paperlight-entry');
    entry.placeUi(host);
    expect(host.previousElementSibling?.matches('div.authors')).toBe(true);
    expect(host.closest('.mathjax')).toBeNull();
  });

  it('reads the same paper after MathJax typeset the title and abstract', () => {
    const entry = entries[0]!;
    const before = { ...entry.paper };
    typesetLikeMathJax2(entry.titleElement!);
    typesetLikeMathJax2(entry.abstractElement!);
    expect(arxivAbstract.readEntry(entry.root, arxivAbstract.readContext(entry.root.ownerDocument, new URL(expected.url)))!.paper).toEqual(before);
  });
});

describe('arXiv abstract page, unusual input', () => {
  it('takes the id from the citation_arxiv_id meta tag on a mirror URL', () => {
    const doc = parseFixture('arxiv/arxiv_abs_2609.31620.rendered.html');
    const context = arxivAbstract.readContext(doc, new URL('https://mirror.example/paper?id=2609.31620'));
    expect(context.id).toBe('2609.31620');
    expect(arxivAbstract.recognizesPage!(doc)).toBe(true);
    expect(arxivAbstract.recognizesPage!(parseFixture('arxiv/arxiv_list_cs.LG_recent.rendered.html'))).toBe(false);
  });

  it('reads no entry when there is no id or no title, without throwing', () => {
    const doc = parseFixture('arxiv/arxiv_abs_2609.31620.rendered.html');
    doc.querySelector('meta[name="citation_arxiv_id"]')!.remove();
    const root = doc.querySelector(arxivAbstract.entrySelector)!;
    expect(arxivAbstract.readEntry(root, arxivAbstract.readContext(doc, new URL('https://mirror.example/x')))).toBeUndefined();
    const withId = arxivAbstract.readContext(doc, new URL('https://arxiv.org/abs/2609.31620'));
    root.querySelector('h1.title')!.remove();
    root.querySelectorAll('h1').forEach((h1) => h1.remove());
    expect(arxivAbstract.readEntry(root, withId)).toBeUndefined();
  });

  it('keeps an entry without abstract, with an empty abstract', () => {
    const doc = parseFixture('arxiv/arxiv_abs_0704.0002v2.rendered.html');
    doc.querySelector('blockquote.abstract')!.remove();
    const root = doc.querySelector(arxivAbstract.entrySelector)!;
    const entry = arxivAbstract.readEntry(root, arxivAbstract.readContext(doc, new URL('https://arxiv.org/abs/0704.0002v2')))!;
    expect(entry.paper.abstract).toBe('');
    expect(entry.abstractElement).toBeUndefined();
    expect(entry.paper.title).toBe('Sparsity-certifying Graph Decompositions');
  });
});

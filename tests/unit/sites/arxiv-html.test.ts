// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { arxivHtml, isArxivHtml } from '../../../lib/sites/arxiv-html';
import { arxivExpected, detectAll } from './arxiv-fixtures';
import { parseFixture } from './fixtures';

interface ExpectedHtml {
  url: string;
  arxivId: string | null;
  title: string;
  authorsText: string;
  abstractStartsWith: string | null;
}

describe('arXiv HTML URL detector', () => {
  it.each([
    ['https://arxiv.org/html/2609.01222v2', true],
    ['https://arxiv.org/html/2609.01222v2/', true],
    ['https://arxiv.org/html/2609.01222', true],
    ['https://ar5iv.labs.arxiv.org/html/1706.03762', true],
    ['https://arxiv.org/html/2609.01222v2/S1.html', false],
    ['https://arxiv.org/html/', false],
    ['https://arxiv.org/abs/2609.01222', false],
  ])('%s → %s', (href, expected) => expect(isArxivHtml(new URL(href))).toBe(expected));
});

const CURRENT = 'arxiv_html_2609.01222v2.capture-excerpt.html';
const ERA_2024 = 'arxiv_html_cognitive-type-2024.capture-fragment-excerpt.html';
const expected = arxivExpected<ExpectedHtml>();

describe('arXiv HTML rendering, current layout (capture excerpt)', () => {
  const { entries, doc } = detectAll(`arxiv/${CURRENT}`, arxivHtml, expected[CURRENT]!.url);

  it('is one entry: id without version, title, the names of the single author block, abstract', () => {
    expect(entries).toHaveLength(1);
    const { paper } = entries[0]!;
    expect(paper.id).toBe(expected[CURRENT]!.arxivId);
    expect(paper.title).toBe(expected[CURRENT]!.title);
    expect(paper.authors).toEqual(expected[CURRENT]!.authorsText.split(', '));
    expect(paper.abstract.startsWith(expected[CURRENT]!.abstractStartsWith!)).toBe(true);
    expect(paper.abstract).not.toMatch(/^Abstract/);
    expect(paper.abstract).toMatch(/\(M-CPE\)/); // inline ltx_text spans read in place
    expect(paper.url).toBe('https://arxiv.org/abs/2609.01222');
  });

  it('takes the id from the watermark when the URL has none (a mirror)', () => {
    expect(arxivHtml.readContext(doc, new URL('https://mirror.example/paper')).id).toBe('2609.01222');
    expect(arxivHtml.recognizesPage!(doc)).toBe(true);
  });

  it('follows the page theme switch', () => {
    expect(arxivHtml.readTheme!(doc)).toBe('light');
    doc.documentElement.setAttribute('data-theme', 'dark');
    expect(arxivHtml.readTheme!(doc)).toBe('dark');
  });

  it('reads MathML formulas as their TeX', () => {
    const local = parseFixture(`arxiv/${CURRENT}`);
    local.querySelector('h1.ltx_title_document')!.insertAdjacentHTML('beforeend', ' <math alttext="\\mathcal{O}(n)"><mi>O</mi></math>');
    const entry = arxivHtml.readEntry(local.querySelector(arxivHtml.entrySelector)!, { id: '2609.01222' })!;
    expect(entry.paper.title).toMatch(/Agent Harness \$\\mathcal\{O\}\(n\)\$$/);
  });
});

describe('arXiv HTML rendering, 2024 layout (fragment)', () => {
  it('has no id in the page: no entry without one from the URL', () => {
    const { entries } = detectAll(`arxiv/${ERA_2024}`, arxivHtml, 'https://mirror.example/fragment');
    expect(entries).toEqual([]);
  });

  it('with the id from the URL: title without the "Report issue" buttons, author without e-mail, abstract section', () => {
    const { entries } = detectAll(`arxiv/${ERA_2024}`, arxivHtml, 'https://arxiv.org/html/2403.00001v1');
    expect(entries).toHaveLength(1);
    const { paper, abstractElement } = entries[0]!;
    expect(paper.title).toBe(expected[ERA_2024]!.title);
    expect(paper.authors).toEqual([expected[ERA_2024]!.authorsText]);
    expect(paper.abstract).toMatch(/^The Cognitive Type Project is focused on developing computational tools/);
    expect(paper.abstract).not.toMatch(/Report issue/);
    expect(abstractElement?.classList.contains('ltx_para')).toBe(true);
  });
});

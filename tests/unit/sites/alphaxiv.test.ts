// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { alphaxiv, alphaxivPaperId } from '../../../lib/sites/alphaxiv';
import { detectAll, expectedCounts } from './arxiv-fixtures';
import { parseFixture } from './fixtures';

interface ExpectedAlphaxiv {
  url: string;
  arxivId: string;
  title: string;
  authors: string[];
  abstractStartsWith: string;
  hasJsonLd: boolean;
}

describe('alphaXiv URL detector', () => {
  it.each([
    ['https://www.alphaxiv.org/abs/2609.31620', '2609.31620'],
    ['https://www.alphaxiv.org/abs/2609.31620v2', '2609.31620'],
    ['https://www.alphaxiv.org/overview/2609.31620v1', '2609.31620'],
    ['https://alphaxiv.org/abs/2609.31620', '2609.31620'],
    ['https://www.alphaxiv.org/abs/2609.31620.md', undefined],
    ['https://www.alphaxiv.org/explore', undefined],
    ['https://www.alphaxiv.org.evil.example/abs/2609.31620', undefined],
    ['https://arxiv.org/abs/2609.31620', undefined],
  ])('%s → %s', (href, id) => expect(alphaxivPaperId(new URL(href))).toBe(id));
});

describe.each(Object.entries(expectedCounts<ExpectedAlphaxiv>('alphaxiv')))('alphaXiv %s', (file, expected) => {
  const { entries, doc } = detectAll(`alphaxiv/${file}`, alphaxiv, expected.url);

  it('is one entry with the arXiv identity, the shown title and the declared or shown abstract', () => {
    expect(entries).toHaveLength(1);
    const { paper, titleElement, abstractElement } = entries[0]!;
    expect(paper.id).toBe(expected.arxivId);
    expect(paper.url).toBe(`https://arxiv.org/abs/${expected.arxivId}`);
    expect(paper.title).toBe(expected.title);
    expect(paper.abstract.startsWith(expected.abstractStartsWith)).toBe(true);
    expect(paper.abstract.length).toBeGreaterThan(1000); // whole, not the 300-character description
    // Authors come only from declared metadata (JSON-LD); the page's own markup is not relied on.
    expect(paper.authors).toEqual(expected.hasJsonLd ? expected.authors : []);
    expect(titleElement?.localName).toBe('h1');
    expect(abstractElement?.textContent?.startsWith(expected.abstractStartsWith)).toBe(true);
    const host = doc.createElement('paperlight-entry');
    entries[0]!.placeUi(host);
    expect(host.previousElementSibling).toBe(titleElement);
  });
});

describe('alphaXiv, unusual pages', () => {
  const FILE = 'alphaxiv/alphaxiv_abs_2609.31620.constructed.html';

  it('ignores other <h1>s, and reads nothing without an id in the URL', () => {
    const doc = parseFixture(FILE);
    doc.body.insertAdjacentHTML('afterbegin', '<h1>alphaXiv</h1>');
    const context = alphaxiv.readContext(doc, new URL('https://www.alphaxiv.org/abs/2609.31620'));
    const read = [...doc.querySelectorAll('h1')].map((h1) => alphaxiv.readEntry(h1, context));
    expect(read.filter(Boolean)).toHaveLength(1);
    const noId = alphaxiv.readContext(doc, new URL('https://www.alphaxiv.org/explore'));
    expect([...doc.querySelectorAll('h1')].map((h1) => alphaxiv.readEntry(h1, noId)).filter(Boolean)).toEqual([]);
  });

  it('ignores a JSON-LD block about another paper, and broken JSON-LD, without throwing', () => {
    const doc = parseFixture(FILE);
    const block = doc.querySelector('script[type="application/ld+json"]')!;
    block.textContent = block.textContent!.replace('"identifier":"arXiv:2609.31620"', '"identifier":"arXiv:2501.00001"');
    doc.head.insertAdjacentHTML('beforeend', '<script type="application/ld+json">{broken</script>');
    const h1 = doc.querySelector('main h1')!;
    const entry = alphaxiv.readEntry(h1, alphaxiv.readContext(doc, new URL('https://www.alphaxiv.org/abs/2609.31620')))!;
    expect(entry.paper.authors).toEqual([]);
    expect(entry.paper.abstract).toMatch(/^Representation autoencoders/);
  });
});

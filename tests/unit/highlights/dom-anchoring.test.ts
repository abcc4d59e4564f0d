// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { anchorInText, describeRange, describeSpan } from '../../../lib/highlights/anchor';
import { domRangeOf, piecesOf, readTextMap, type TextMap } from '../../../lib/highlights/text-map';
import { FIELD_TEXT } from '../../../lib/content/features/highlights/fields';
import { normalizeText, withoutLabel } from '../../../lib/sites/read';
import { texText } from '../../../lib/sites/tex-text';
import { parseFixture, showFixture } from '../sites/fixtures';
import { renderedGlyphs, typesetLikeMathJax2, typesetLikeMathJax3 } from './mathjax';

// Describe → anchor round trips on saved pages: arXiv /new (60 entries), two arXiv abstract pages, the
// Hugging Face paper page and search results. Field elements are found the way the adapters find them.
// DOM ranges are made in the live document (showFixture): happy-dom's Range works only there.

const NEW = parseFixture('arxiv/arxiv_list_cs.LG_new_60.rendered.html');
const ABS_FUSEREG = parseFixture('arxiv/arxiv_abs_2609.31620.rendered.html');
const ABS_SPARSITY = () => parseFixture('arxiv/arxiv_abs_0704.0002v2.rendered.html');
const HF_PAGE = parseFixture('huggingface/hf_paper_page_2609.31620.constructed.html');

function listEntriesOf(doc: Document) {
  return [...doc.querySelectorAll('#dlpage dl > dd')].map((dd) => ({
    id: dd.previousElementSibling!.querySelector('a[title="Abstract"]')!.getAttribute('id')!,
    title: dd.querySelector('div.list-title')!,
    abstract: dd.querySelector('div.meta > p.mathjax')!,
  }));
}
const listEntries = listEntriesOf(NEW);
const listEntry = (id: string, doc = NEW) => listEntriesOf(doc).find((entry) => entry.id === id)!;
const hfAbstract = [...HF_PAGE.querySelectorAll('main p')].find((p) => p.textContent!.startsWith('Representation autoencoders'))!;

const mapOf = (element: Element) => readTextMap(element, FIELD_TEXT);
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A DOM range over the first occurrence of `quote` in the field's text (checked through Range.toString). */
function rangeOver(map: TextMap, quote: string): Range {
  const start = map.text.indexOf(quote);
  expect(start, `"${quote}" in the field`).toBeGreaterThanOrEqual(0);
  const range = domRangeOf(map, start, start + quote.length)!;
  return range;
}

/**
 * Anchor the selectors in `element` and give the text they land on: the DOM range's text in the live
 * document, the field text's slice in a parsed one (no working Range there).
 */
function anchorText(element: Element, selectors: Parameters<typeof anchorInText>[1]): string | undefined {
  const map = mapOf(element);
  const anchor = anchorInText(map.text, selectors);
  if (!anchor) return undefined;
  if (element.ownerDocument !== document) return map.text.slice(anchor.start, anchor.end);
  return squash(domRangeOf(map, anchor.start, anchor.end)!.toString());
}

describe('field text', () => {
  it('the /new listing has the 60 entries the fixture notes promise', () => {
    expect(listEntries).toHaveLength(60);
    expect(listEntries[0]!.id).toBe('2609.31620');
  });

  it.each(listEntries.map((entry) => [entry.id, entry] as const))('reads like the adapters do: %s', (_id, entry) => {
    expect(mapOf(entry.title).text).toBe(withoutLabel(texText(entry.title), 'Title:'));
    expect(mapOf(entry.abstract).text).toBe(texText(entry.abstract));
  });

  it('is the same text on every site showing the paper: /new, its abstract page, Hugging Face', () => {
    const onList = mapOf(listEntry('2609.31620').abstract).text;
    expect(mapOf(ABS_FUSEREG.querySelector('blockquote.abstract')!).text).toBe(onList);
    expect(mapOf(hfAbstract).text).toBe(onList);
    expect(mapOf(ABS_FUSEREG.querySelector('h1.title')!).text).toBe(mapOf(listEntry('2609.31620').title).text);
    expect(mapOf(HF_PAGE.querySelector('h1')!).text).toBe(mapOf(listEntry('2609.31620').title).text);
  });

  it('leaves out our own UI inside a field', () => {
    const p = NEW.createElement('p');
    p.innerHTML = 'Before <paperlight-entry data-paperlight-host="">Save topics</paperlight-entry>after.';
    expect(mapOf(p).text).toBe('Before after.');
  });
});

describe('round trips on every /new abstract', () => {
  let live: Document;
  beforeAll(() => {
    live = showFixture('arxiv/arxiv_list_cs.LG_new_60.rendered.html');
  });
  // Three spans per abstract: the first words, a middle stretch, the last words.
  const cases = listEntries.flatMap((entry) => {
    const words = mapOf(entry.abstract).text.split(' ');
    const third = Math.floor(words.length / 3);
    return [
      [entry.id, 'start', words.slice(0, 4).join(' ')],
      [entry.id, 'middle', words.slice(third, third + 9).join(' ')],
      [entry.id, 'end', words.slice(-5).join(' ')],
    ] as const;
  });

  it.each(cases)('%s %s', (id, _where, quote) => {
    const element = listEntry(id, live).abstract;
    const map = mapOf(element);
    const range = rangeOver(map, quote);
    expect(squash(range.toString())).toBe(quote);
    const selectors = describeRange(map, range)!;
    expect(selectors.quote.exact).toBe(quote);
    expect(anchorText(element, selectors)).toBe(quote);
    expect(anchorText(element, { position: selectors.position })).toBe(quote);
    expect(anchorText(element, { quote: selectors.quote })).toBe(quote);
  });
});

describe('moving to another site', () => {
  it('a highlight made on /new lands on the abstract page and the Hugging Face page, by position', () => {
    const quote = 'This choice involves a trade-off.';
    const listMap = mapOf(listEntry('2609.31620', showFixture('arxiv/arxiv_list_cs.LG_new_60.rendered.html')).abstract);
    const selectors = describeRange(listMap, rangeOver(listMap, quote))!;
    for (const element of [ABS_FUSEREG.querySelector('blockquote.abstract')!, hfAbstract]) {
      const map = mapOf(element);
      expect(anchorInText(map.text, selectors)?.method).toBe('position');
      expect(anchorText(element, selectors)).toBe(quote);
    }
  });

  it('a title highlight made on the abstract page (after "Title:") lands on the listing', () => {
    const titleMap = mapOf(showFixture('arxiv/arxiv_abs_2609.31620.rendered.html').querySelector('h1.title')!);
    const selectors = describeRange(titleMap, rangeOver(titleMap, 'Regularizing Layer Fusion'))!;
    expect(selectors.position.start).toBe('FuseReg: '.length);
    expect(anchorText(listEntry('2609.31620').title, selectors)).toBe('Regularizing Layer Fusion');
  });
});

describe('arXiv search results (matched words in spans, a shortened and a full abstract)', () => {
  const SEARCH = parseFixture('arxiv/arxiv_search_benchmark_show-abstracts.rendered.html');
  const results = [...SEARCH.querySelectorAll('li.arxiv-result')].flatMap((li) => {
    const full = li.querySelector('span.abstract-full');
    const id = full?.id.replace(/v\d+-abstract-full$/, '');
    return full && id ? [[id, full, li.querySelector('span.abstract-short')!] as const] : [];
  });

  it.each(results.map(([id, full]) => [id, full] as const))('the full abstract reads like the adapter reads it: %s', (_id, full) => {
    expect(mapOf(full).text).toBe(texText(full).replace(/\s*△\s*Less$/, ''));
  });

  it('a highlight made on /new lands on the full abstract by position, and on the shortened one by its quote', () => {
    const [, full, short] = results.find(([id]) => id === '2609.31093')!;
    const listMap = mapOf(listEntry('2609.31093').abstract);
    const quote = 'We further evaluate our method on language modeling tasks.';
    const start = listMap.text.indexOf(quote);
    const selectors = describeSpan(listMap.text, start, start + quote.length);
    expect(anchorInText(mapOf(full).text, selectors)).toMatchObject({ method: 'position' });
    const inShort = anchorInText(mapOf(short).text, selectors)!;
    expect(inShort.method).toBe('quote');
    expect(mapOf(short).text.slice(inShort.start, inShort.end)).toBe(quote);
  });

  it('a highlight cut by the shortening shows on the part the shortened abstract has', () => {
    const [, , short] = results.find(([id]) => id === '2609.31394')!;
    const listMap = mapOf(listEntry('2609.31394').abstract);
    const quote = 'scene-level semantics, 4D geometric and motion priors, and action generation within a Mixture-of-Transformers (MoT) framework';
    const start = listMap.text.indexOf(quote);
    expect(start).toBeGreaterThanOrEqual(0);
    const shortText = mapOf(short).text;
    expect(shortText).toContain('within a Mixture-of-Tran…');
    const anchor = anchorInText(shortText, describeSpan(listMap.text, start, start + quote.length))!;
    expect(anchor.method).toBe('fuzzy');
    expect(shortText.slice(anchor.start, anchor.end)).toBe('scene-level semantics, 4D geometric and motion priors, and action generation within a Mixture-of-Tran');
  });
});

describe('MathJax', () => {
  const quote = 'the $(k,\\ell)$-pebble game with colors';

  /** The live document's abstract of 0704.0002, as served (MathJax not run yet). */
  function sparsityAbstract(): Element {
    return showFixture('arxiv/arxiv_abs_0704.0002v2.rendered.html').querySelector('blockquote.abstract')!;
  }

  it('MathJax 2 keeps the text as it was: positions still hold after typesetting', () => {
    const element = sparsityAbstract();
    const map = mapOf(element);
    const selectors = describeRange(map, rangeOver(map, quote))!;
    const before = map.text;
    expect(typesetLikeMathJax2(element)).toBe(3);
    const after = mapOf(element);
    expect(after.text).toBe(before);
    expect(anchorInText(after.text, selectors)).toMatchObject({ method: 'position' });
    // The DOM range covers the whole rendered formula (an atom), not a few glyphs of it.
    const anchor = anchorInText(after.text, selectors)!;
    const pieces = piecesOf(after, anchor.start, anchor.end);
    expect(pieces.map((piece) => piece.kind)).toEqual(['text', 'atom', 'text']);
    expect((pieces[1] as { element: Element }).element.id).toMatch(/^MathJax-Element-\d+-Frame$/);
  });

  it('MathJax 3 keeps no source: found by the quote letters, formula highlighted whole', () => {
    const element = sparsityAbstract();
    const selectors = describeSpan(mapOf(element).text, mapOf(element).text.indexOf(quote), mapOf(element).text.indexOf(quote) + quote.length);
    typesetLikeMathJax3(element);
    const map = mapOf(element);
    expect(map.text).toContain(`the ${renderedGlyphs('(k,\\ell)')}-pebble game with colors`);
    const anchor = anchorInText(map.text, selectors)!;
    expect(anchor.method).toBe('fuzzy');
    expect(map.text.slice(anchor.start, anchor.end)).toBe('the (k,ℓ)-pebble game with colors');
    expect(piecesOf(map, anchor.start, anchor.end).some((piece) => piece.kind === 'atom' && piece.element.localName === 'mjx-container')).toBe(true);
  });

  it('a highlight made on the typeset page anchors on the page before typesetting', () => {
    const typeset = sparsityAbstract();
    typesetLikeMathJax3(typeset);
    const map = mapOf(typeset);
    const selectors = describeRange(map, rangeOver(map, '(k,ℓ)-sparse graphs'))!;
    expect(anchorText(ABS_SPARSITY().querySelector('blockquote.abstract')!, selectors)).toBe('(k,\\ell)$-sparse graphs');
  });

  it('KaTeX output (visual glyphs plus MathML with the TeX) reads as the TeX, once', () => {
    const element = sparsityAbstract();
    const before = mapOf(element).text;
    // KaTeX's documented output for $(k,\ell)$: .katex > .katex-mathml (MathML, TeX annotation) + .katex-html.
    for (const text of [...element.childNodes].filter((node): node is Text => node.nodeType === 3)) {
      const parts = text.data.split(/\$([^$]+)\$/);
      if (parts.length === 1) continue;
      text.replaceWith(
        ...parts.map((part, i) => {
          if (i % 2 === 0) return element.ownerDocument.createTextNode(part);
          const katex = element.ownerDocument.createElement('span');
          katex.className = 'katex';
          katex.innerHTML =
            '<span class="katex-mathml"><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mo>(</mo><mi>k</mi><mo>,</mo><mi>ℓ</mi><mo>)</mo></mrow>' +
            `<annotation encoding="application/x-tex">${part}</annotation></semantics></math></span>` +
            '<span class="katex-html" aria-hidden="true"><span class="mord">(</span><span class="mord mathnormal">k</span><span class="mpunct">,</span><span class="mord">ℓ</span><span class="mclose">)</span></span>';
          return katex;
        }),
      );
    }
    expect(element.querySelectorAll('.katex')).toHaveLength(3);
    expect(mapOf(element).text).toBe(before);
  });

  it('a selection that starts inside a rendered formula takes the whole formula', () => {
    const element = sparsityAbstract();
    typesetLikeMathJax2(element);
    const map = mapOf(element);
    const glyph = element.querySelector('.MathJax .mi')!; // the "(" glyph of the first formula
    const range = element.ownerDocument.createRange();
    range.setStart(glyph.nextElementSibling!.firstChild!, 0); // on "k"
    const after = map.text.indexOf('-pebble game') + '-pebble game'.length;
    const end = domRangeOf(map, after - 1, after)!;
    range.setEnd(end.endContainer, end.endOffset);
    expect(describeRange(map, range)!.quote.exact).toBe('$(k,\\ell)$-pebble game');
  });
});

describe('selections over several nodes and odd boundaries', () => {
  it('search results wrap matched words in spans: the highlight spans them and lands on the plain title', () => {
    const search = showFixture('huggingface/hf_papers_search_highlight.html');
    const daily = parseFixture('huggingface/hf_papers_daily_2026-09-28.trimmed.html');
    const title = (doc: Document, n: number) => doc.querySelectorAll('main article h3')[n]!;
    const withSpans = title(search, 2);
    expect(withSpans.querySelectorAll('span').length).toBeGreaterThan(0);
    const map = mapOf(withSpans);
    const text = map.text;
    const range = domRangeOf(map, 0, text.length)!;
    expect(range.startContainer).not.toBe(range.endContainer);
    const selectors = describeRange(map, range)!;
    expect(selectors.quote.exact).toBe(normalizeText(title(daily, 2).textContent));
    expect(anchorText(title(daily, 2), selectors)).toBe(selectors.quote.exact);
  });

  it('clips a selection that starts in the "Title:" label or outside the field', () => {
    const page = showFixture('arxiv/arxiv_abs_2609.31620.rendered.html');
    const title = page.querySelector('h1.title')!;
    const map = mapOf(title);
    const range = page.createRange();
    range.setStart(title.querySelector('.descriptor')!.firstChild!, 2);
    range.setEnd(title.lastChild!, 'FuseReg'.length);
    expect(describeRange(map, range)!.quote.exact).toBe('FuseReg');

    const abstract = page.querySelector('blockquote.abstract')!;
    const fromAuthors = page.createRange();
    fromAuthors.setStart(page.querySelector('div.authors')!, 0);
    fromAuthors.setEnd(abstract.lastChild!, abstract.lastChild!.textContent!.indexOf('(RAEs)') + '(RAEs)'.length);
    expect(describeRange(mapOf(abstract), fromAuthors)!.quote.exact).toBe('Representation autoencoders (RAEs)');
  });

  it('element boundaries (a triple-click selects the whole element)', () => {
    const page = showFixture('arxiv/arxiv_list_cs.LG_new_60.rendered.html');
    const abstract = listEntry('2609.31620', page).abstract;
    const range = page.createRange();
    range.selectNodeContents(abstract);
    expect(describeRange(mapOf(abstract), range)!.quote.exact).toBe(mapOf(abstract).text);
    const around = page.createRange();
    around.selectNode(abstract);
    expect(describeRange(mapOf(abstract), around)!.position).toMatchObject({ start: 0, end: mapOf(abstract).text.length });
  });

  it('whitespace-only and collapsed selections describe nothing', () => {
    const page = showFixture('arxiv/arxiv_list_cs.LG_new_60.rendered.html');
    const abstract = listEntry('2609.31620', page).abstract;
    const range = page.createRange();
    range.setStart(abstract.firstChild!, 0);
    range.setEnd(abstract.firstChild!, 5); // the template's newline and indentation
    expect(squash(range.toString())).toBe('');
    expect(describeRange(mapOf(abstract), range)).toBeUndefined();
    range.collapse(true);
    expect(describeRange(mapOf(abstract), range)).toBeUndefined();
  });

  it('ranges made before the page changed do not throw', () => {
    const doc = showFixture('arxiv/arxiv_abs_2609.31620.rendered.html');
    const abstract = doc.querySelector('blockquote.abstract')!;
    const map = mapOf(abstract);
    abstract.textContent = 'Replaced.';
    expect(() => domRangeOf(map, 0, 40)).not.toThrow();
    expect(() => describeRange(mapOf(abstract), doc.createRange())).not.toThrow();
  });
});

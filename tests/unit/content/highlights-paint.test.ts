// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnnotatedEntry } from '../../../lib/content/entry-features';
import { FIELD_TEXT } from '../../../lib/content/features/highlights/fields';
import { MARK_SELECTOR, paintPieces, SplitLedger, unpaintWithin } from '../../../lib/content/features/highlights/paint';
import { HighlightPainter, MAX_PAGE_REPAINTS } from '../../../lib/content/features/highlights/painter';
import type { StoredHighlight } from '../../../lib/db/schema';
import { describeSpan } from '../../../lib/highlights/anchor';
import { piecesOf, readTextMap } from '../../../lib/highlights/text-map';
import { typesetLikeMathJax2 } from '../highlights/mathjax';

// Painting and unpainting in the page, and the painter's "already painted" check, on small hand-made
// fields (the saved pages are in highlights-feature.test.ts).

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

function field(html: string): HTMLElement {
  const p = document.createElement('p');
  p.innerHTML = html;
  document.body.append(p);
  return p;
}

let counter = 0;
function highlightOf(element: Element, quote: string, overrides: Partial<StoredHighlight> = {}): StoredHighlight {
  const text = readTextMap(element, FIELD_TEXT).text;
  const start = text.indexOf(quote);
  const { quote: quoteSelector, position } = describeSpan(text, Math.max(0, start), Math.max(0, start) + quote.length);
  counter++;
  return {
    id: `h${counter}`,
    paperId: '2609.31620',
    field: 'abstract',
    color: 'yellow',
    note: '',
    quote: start >= 0 ? quoteSelector : { ...quoteSelector, exact: quote },
    position,
    createdAt: counter,
    updatedAt: counter,
    ...overrides,
  };
}

function entryWith(abstract: Element): AnnotatedEntry {
  return {
    root: abstract,
    paper: { id: '2609.31620', site: 'arxiv', url: 'https://arxiv.org/abs/2609.31620', title: 'T', authors: [], abstract: abstract.textContent ?? '' },
    detected: { paper: {} as never, root: abstract, placeUi: () => {}, abstractElement: abstract },
    extraction: { topics: [], benchmarks: [], results: [] },
  };
}

const markText = (root: Element, id: string) => [...root.querySelectorAll(`[data-paperlight-highlight="${id}"]`)].map((mark) => mark.textContent).join('');

describe('paintPieces and unpaint', () => {
  it('wraps a span across several nodes, each piece in its own mark, and unwrapping restores the nodes', () => {
    const p = field('We <b>introduce FuseReg</b>, which <i>replaces heuristic</i> feature selection.');
    const before = p.innerHTML;
    const firstText = p.firstChild as Text;
    const map = readTextMap(p, FIELD_TEXT);
    const start = map.text.indexOf('FuseReg');
    const end = map.text.indexOf(' feature');
    const ledger = new SplitLedger();
    const marks = paintPieces(document, piecesOf(map, start, end), { id: 'x', color: 'blue', note: 'why' }, ledger);
    expect(marks.map((mark) => mark.textContent)).toEqual(['FuseReg', ', which ', 'replaces heuristic']);
    expect(marks.every((mark) => mark.getAttribute('data-paperlight-highlight') === 'x' && mark.title === 'why')).toBe(true);
    expect(marks[0]!.style.backgroundColor).not.toBe('');
    expect(readTextMap(p, FIELD_TEXT).text).toBe(map.text); // no text changed

    unpaintWithin(p, ledger);
    expect(p.innerHTML).toBe(before);
    expect(p.firstChild).toBe(firstText); // the page's own node, whole again
    expect(p.querySelector('b')!.childNodes).toHaveLength(1);
  });

  it('wraps a typeset formula whole', () => {
    const p = field('Games on $(k,\\ell)$-sparse graphs.');
    typesetLikeMathJax2(p);
    const map = readTextMap(p, FIELD_TEXT);
    const start = map.text.indexOf('$(k');
    const marks = paintPieces(document, piecesOf(map, start, map.text.indexOf(' graphs')), { id: 'm', color: 'green', note: '' }, new SplitLedger());
    expect(marks[0]!.firstElementChild!.classList.contains('MathJax')).toBe(true);
    expect(marks[1]!.textContent).toBe('-sparse');
  });

  it('leaves TeX out of the marks when a typesetter has yet to render it', () => {
    const p = field('Games on $(k,\\ell)$-sparse graphs and \\(O(n^2)\\) time, for \\$5.');
    const map = readTextMap(p, FIELD_TEXT);
    const marks = paintPieces(document, piecesOf(map, 0, map.text.length), { id: 't', color: 'green', note: '' }, new SplitLedger(), { leaveTex: true });
    expect(marks.map((mark) => mark.textContent)).toEqual(['Games on ', '-sparse graphs and ', ' time, for \\$5.']);
    expect(p.textContent).toBe('Games on $(k,\\ell)$-sparse graphs and \\(O(n^2)\\) time, for \\$5.');
  });

  it('paints an unknown stored colour (from a newer version) in the default colour', () => {
    const p = field('Some text to mark.');
    const map = readTextMap(p, FIELD_TEXT);
    const [mark] = paintPieces(document, piecesOf(map, 0, 4), { id: 'c', color: 'ultraviolet', note: '' }, new SplitLedger());
    expect(mark!.getAttribute('data-color')).toBe('yellow');
  });
});

describe('HighlightPainter', () => {
  it('paints once; calling again with the same highlights touches nothing', async () => {
    const p = field('Representation autoencoders reuse features from a pretrained visual encoder.');
    const painter = new HighlightPainter();
    const highlights = [highlightOf(p, 'autoencoders reuse'), highlightOf(p, 'reuse features'), highlightOf(p, 'visual')];
    painter.update(entryWith(p), highlights);
    expect(highlights.map((h) => markText(p, h.id))).toEqual(['autoencoders reuse', 'reuse features', 'visual']);

    const records: MutationRecord[] = [];
    const observer = new MutationObserver((list) => records.push(...list));
    observer.observe(p, { childList: true, subtree: true, characterData: true, attributes: true });
    for (let i = 0; i < 5; i++) painter.update(entryWith(p), highlights);
    await new Promise((resolve) => setTimeout(resolve, 0));
    observer.disconnect();
    expect(records).toHaveLength(0);
  });

  it('repaints when the highlights change, and when the page damaged the marks', () => {
    const p = field('Representation autoencoders reuse features from a pretrained visual encoder.');
    const painter = new HighlightPainter();
    const a = highlightOf(p, 'autoencoders');
    const b = highlightOf(p, 'pretrained');
    painter.update(entryWith(p), [a]);
    painter.update(entryWith(p), [a, b]);
    expect(markText(p, b.id)).toBe('pretrained');
    painter.update(entryWith(p), [{ ...b, color: 'pink', updatedAt: 99 }]);
    expect(p.querySelectorAll(MARK_SELECTOR)).toHaveLength(1);
    expect(p.querySelector(MARK_SELECTOR)!.getAttribute('data-color')).toBe('pink');
    // The page strips our mark (keeping its text): painted again.
    const mark = p.querySelector(MARK_SELECTOR)!;
    mark.replaceWith(...mark.childNodes);
    painter.update(entryWith(p), [{ ...b, color: 'pink', updatedAt: 99 }]);
    expect(markText(p, b.id)).toBe('pretrained');
  });

  it('reports what it could not place, and stops fighting a page that undoes every paint', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const p = field('Representation autoencoders reuse features.');
    const painter = new HighlightPainter();
    const found = highlightOf(p, 'autoencoders');
    const lost = highlightOf(p, 'a sentence that is not in this abstract at all');
    painter.update(entryWith(p), [found, lost]);
    expect([...painter.shownOf('2609.31620')]).toEqual([found.id]);

    let repaints = 0;
    for (let i = 0; i < MAX_PAGE_REPAINTS + 10; i++) {
      const mark = p.querySelector(MARK_SELECTOR);
      if (mark) {
        repaints++;
        mark.replaceWith(...mark.childNodes); // the page's re-render drops our mark
      }
      painter.update(entryWith(p), [found, lost]);
    }
    expect(repaints).toBe(MAX_PAGE_REPAINTS + 1);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('unpaints an entry that left the page, and a field the site replaced', () => {
    const p = field('Representation autoencoders reuse features.');
    const painter = new HighlightPainter();
    const h = highlightOf(p, 'reuse');
    const entry = entryWith(p);
    painter.update(entry, [h]);
    const replacement = p.cloneNode(true) as HTMLElement;
    replacement.querySelectorAll(MARK_SELECTOR).forEach((mark) => mark.replaceWith(...mark.childNodes));
    p.after(replacement);
    painter.update({ ...entry, detected: { ...entry.detected, abstractElement: replacement } }, [h]);
    expect(p.querySelectorAll(MARK_SELECTOR)).toHaveLength(0);
    expect(markText(replacement, h.id)).toBe('reuse');
    painter.remove(p);
    expect(replacement.querySelectorAll(MARK_SELECTOR)).toHaveLength(0);
  });
});

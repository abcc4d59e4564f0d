// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { arxivListing, isArxivListing, listingSections } from '../../../lib/sites/arxiv-listing';
import type { DetectedEntry } from '../../../lib/sites/types';
import { normalizeText } from '../../../lib/sites/read';
import { arxivExpected, detectAll, type ExpectedListing } from './arxiv-fixtures';
import { parseFixture } from './fixtures';
import { typesetLikeMathJax2 } from './mathjax';

describe('arXiv listing URL detector', () => {
  it.each([
    ['https://arxiv.org/list/cs.LG/new', true],
    ['https://arxiv.org/list/cs/new?skip=0&show=2000', true],
    ['https://arxiv.org/list/cs.LG/new/', true],
    ['https://arxiv.org/list/cs.LG/recent', true],
    ['https://arxiv.org/list/cs.LG/pastweek?skip=75&show=100', true],
    ['https://arxiv.org/list/cs.LG/2026-09?skip=100&show=50', true],
    ['https://arxiv.org/list/cs.LG/2609', true],
    ['https://arxiv.org/list/cs.LG/202609', true],
    ['https://arxiv.org/list/cs.LG/2026', true],
    ['https://arxiv.org/list/cs.LG/26', true],
    ['https://arxiv.org/list/math-ph/new', true],
    ['https://arxiv.org/list/astro-ph.CO/pastweek', true],
    ['https://arxiv.org/list/physics.comp-ph/recent', true],
    ['https://www.arxiv.org/list/cs.CL/new', true],
    ['https://export.arxiv.org/list/cs.CL/new', true],
    ['https://arxiv.org/list/cs.LG', false],
    ['https://arxiv.org/list/cs.LG/yesterday', false],
    ['https://arxiv.org/abs/2609.31620', false],
    ['https://arxiv.org/search/?query=x', false],
    ['http://arxiv.org/list/cs.LG/new', false],
    ['https://arxiv.org.evil.example/list/cs.LG/new', false],
    ['https://static.arxiv.org/list/cs.LG/new', false],
  ])('%s → %s', (href, expected) => {
    expect(isArxivListing(new URL(href))).toBe(expected);
  });
});

/** Listing fixtures rendered from arXiv's templates, with the per-entry model the generator wrote. */
const RENDERED = Object.entries(arxivExpected()).filter(([file]) => file.startsWith('arxiv_list_') && file.endsWith('.rendered.html'));

describe.each(RENDERED)('arXiv listing %s', (file, expected) => {
  const { doc, entries, roots } = detectAll(`arxiv/${file}`, arxivListing, expected.url);

  it('reads one entry per <dt>/<dd> pair, every one of them', () => {
    expect(roots).toHaveLength(expected.totalEntries);
    expect(entries).toHaveLength(expected.totalEntries);
    expect(new Set(entries.map((e) => e.paper.id)).size).toBe(expected.totalEntries);
    expect(entries[0]?.paper.id).toBe(expected.firstId);
    expect(entries.at(-1)?.paper.id).toBe(expected.lastId);
    expect(entries.filter((e) => e.paper.abstract !== '')).toHaveLength(expected.entriesWithAbstract);
  });

  it('finds the sections with their entry counts', () => {
    const sections = listingSections(doc).filter((section) => section.roots.length > 0);
    const wanted = expected.sections.filter((section) => section.entries > 0);
    expect(sections.map((s) => [s.heading, s.roots.length])).toEqual(wanted.map((s) => [s.heading, s.entries]));
    const kinds = { new: 'new', cross: 'cross', rep: 'replacement', date: 'day', none: 'none' } as const;
    expect(sections.map((s) => s.kind)).toEqual(wanted.map((s) => kinds[s.kind as keyof typeof kinds]));
  });

  it.runIf(expected.entries)('reads ids, titles, authors and abstracts as the page shows them', () => {
    expected.entries!.forEach((model, index) => {
      const { paper } = entries[index]!;
      expect(paper.id).toBe(model.id);
      expect(paper.title).toBe(normalizeText(model.title));
      expect(paper.authors).toEqual(model.authors.map(normalizeText));
      if (model.abstractStart) expect(paper.abstract.startsWith(normalizeText(model.abstractStart))).toBe(true);
      else expect(paper.abstract).toBe('');
      expect(paper.site).toBe('arxiv');
      expect(paper.url).toBe(`https://arxiv.org/abs/${model.id}`);
    });
  });

  it('points highlights at the title and abstract elements, and places the UI in neither', () => {
    for (const entry of entries) {
      expect(entry.titleElement?.classList.contains('list-title')).toBe(true);
      if (entry.paper.abstract) expect(entry.abstractElement?.localName).toBe('p');
    }
    const entry = entries[0]!;
    const host = doc.createElement('paperlight-entry');
    entry.placeUi(host);
    expect(entry.root.contains(host)).toBe(true);
    expect(host.closest('.mathjax')).toBeNull();
    expect(host.closest('a')).toBeNull();
    expect(host.nextElementSibling).toBe(entry.abstractElement ?? null);
  });
});

const LEGACY_KINDS: Record<string, string> = { 'New submissions': 'new', 'Cross-lists': 'cross', Replacements: 'replacement' };

describe('legacy (pre-2024) arXiv /new listing', () => {
  const file = 'arxiv_list_cs_new_legacy-pre2024.constructed-from-excerpt.html';
  const expected = arxivExpected()[file]!;
  const { doc, entries } = detectAll(`arxiv/${file}`, arxivListing, 'https://arxiv.org/list/cs/new');

  it('reads every entry, sections from the <h3> before each <dl>', () => {
    expect(entries).toHaveLength(expected.totalEntries);
    expect(entries[0]!.paper.id).toBe(expected.firstId);
    expect(entries.at(-1)!.paper.id).toBe(expected.lastId);
    expect(entries.filter((e) => e.paper.abstract)).toHaveLength(expected.entriesWithAbstract);
    const sections = listingSections(doc);
    expect(sections.map((s) => [s.heading, s.kind, s.roots.length])).toEqual(
      expected.sections.map((s) => [s.heading, LEGACY_KINDS[s.kind], s.entries]),
    );
  });

  it('reads title and authors without the "Title:" and "Authors:" labels', () => {
    const first = entries[0]!.paper;
    expect(first.title).toBe('Dimensionally Consistent Learning with Buckingham Pi');
    expect(first.authors).toEqual(['Joseph Bakarji', 'Jared Callaham', 'Steven L. Brunton', 'J. Nathan Kutz']);
    expect(first.abstract).toMatch(/^In the absence of governing equations, dimensional analysis is a robust technique/);
  });

  it('reads the one-entry verbatim excerpt the same way', () => {
    const excerpt = detectAll('arxiv/arxiv_list_new_legacy-pre2024_entry.excerpt.html', arxivListing, 'https://arxiv.org/list/cs/new');
    expect(excerpt.entries.map((e) => e.paper)).toEqual([entries[0]!.paper]);
  });
});

describe('2024-format listing copied from ../shared', () => {
  it('reads its entries, cross-list included', () => {
    const { entries, roots } = detectAll(
      'arxiv/arxiv_list_new_2024format.rendered-from-arxiv-browse-templates.html',
      arxivListing,
      'https://arxiv.org/list/cs.CL/new',
    );
    expect(roots.length).toBeGreaterThan(0);
    expect(entries).toHaveLength(roots.length);
    for (const { paper } of entries) {
      expect(paper.id).toMatch(/^\d{4}\.\d{4,5}$/);
      expect(paper.title).not.toMatch(/^Title:/);
      expect(paper.authors.length).toBeGreaterThan(0);
      expect(paper.abstract.length).toBeGreaterThan(50);
    }
  });
});

describe('broken entries (constructed variant)', () => {
  const file = 'arxiv_list_cs.LG_new_broken-entries.constructed.html';
  const source = arxivExpected()['arxiv_list_cs.LG_new_60.rendered.html']!;
  const read = () => detectAll(`arxiv/${file}`, arxivListing, 'https://arxiv.org/list/cs.LG/new');

  it('skips the entry without id and the one without title, reads the rest, never throws', () => {
    const { entries, roots } = read();
    expect(roots).toHaveLength(60);
    const ids = entries.map((e) => e.paper.id);
    // The generator damaged entries 1-4 (1-based): the 2nd lost its abstract link, the 3rd its title: no entry.
    const lost = [source.entries![1]!.id, source.entries![2]!.id];
    expect(ids).toEqual(source.entries!.map((e) => e.id).filter((id) => !lost.includes(id)));
  });

  it('keeps an entry without abstract (empty abstract) and one without authors (no authors)', () => {
    const { entries } = read();
    const byId = new Map(entries.map((e) => [e.paper.id, e]));
    const noAbstract = byId.get(source.entries![0]!.id)!;
    expect(noAbstract.paper.abstract).toBe('');
    expect(noAbstract.abstractElement).toBeUndefined();
    const host = document.createElement('paperlight-entry');
    noAbstract.placeUi(host);
    expect(host.previousElementSibling?.classList.contains('list-subjects')).toBe(true);
    expect(byId.get(source.entries![3]!.id)!.paper.authors).toEqual([]);
  });
});

describe('unknown layouts', () => {
  it.each([
    ['a <dd> without its <dt>', '<div id="dlpage"><dl><dd><div class="meta"><div class="list-title">T</div></div></dd></dl></div>'],
    ['a <dt> without links', '<div id="dlpage"><dl><dt>[1]</dt><dd><div class="meta"><div class="list-title">T</div></div></dd></dl></div>'],
    ['a card layout', '<div id="dlpage"><div class="card"><a href="/abs/2609.31620">T</a></div></div>'],
  ])('%s: no entry, no throw', (_name, body) => {
    const doc = new DOMParser().parseFromString(`<html><body>${body}</body></html>`, 'text/html');
    const roots = [...doc.querySelectorAll(arxivListing.entrySelector)];
    expect(() => roots.map((root) => arxivListing.readEntry(root, undefined))).not.toThrow();
    expect(roots.map((root) => arxivListing.readEntry(root, undefined)).filter(Boolean)).toEqual([]);
    expect(arxivListing.recognizesPage!(doc)).toBe(false);
  });

  it('recognises a listing by its structure (mirror hosts)', () => {
    expect(arxivListing.recognizesPage!(parseFixture('arxiv/arxiv_list_cs.LG_recent.rendered.html'))).toBe(true);
    expect(arxivListing.recognizesPage!(parseFixture('arxiv/arxiv_list_cs_new_legacy-pre2024.constructed-from-excerpt.html'))).toBe(true);
    expect(arxivListing.recognizesPage!(parseFixture('arxiv/arxiv_abs_2609.31620.rendered.html'))).toBe(false);
  });
});

describe('MathJax', () => {
  it('reads a title the same before and after MathJax 2 typesets it', () => {
    const { entries } = detectAll('arxiv/arxiv_list_cs.LG_new_60.rendered.html', arxivListing, 'https://arxiv.org/list/cs.LG/new');
    const withTeX = entries.find((e) => e.paper.title.includes('$')) as DetectedEntry;
    expect(withTeX).toBeDefined();
    const before = { ...withTeX.paper };
    typesetLikeMathJax2(withTeX.titleElement!);
    typesetLikeMathJax2(withTeX.abstractElement!);
    expect(withTeX.titleElement!.querySelector('script[type="math/tex"]')).not.toBeNull();
    const after = arxivListing.readEntry(withTeX.root, undefined)!;
    expect(after.paper).toEqual(before);
  });

  it('warns nowhere and throws nowhere on the whole 2,000-entry page', () => {
    const warn = vi.spyOn(console, 'warn');
    const { entries } = detectAll('arxiv/arxiv_list_cs_new_show2000.rendered.html', arxivListing, 'https://arxiv.org/list/cs/new?skip=0&show=2000');
    expect(entries).toHaveLength(2000);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  }, 60_000);
});

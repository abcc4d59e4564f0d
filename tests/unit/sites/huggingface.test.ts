// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { huggingface, isPaperListing, paperPageId, readContext } from '../../../lib/sites/huggingface';
import type { DetectedEntry } from '../../../lib/sites/types';
import { normalizeText } from '../../../lib/sites/read';
import { dailyPapersJson, parseFixture } from './fixtures';

const LISTING_URL = new URL('https://huggingface.co/papers');

function detect(path: string, url = LISTING_URL): { doc: Document; entries: DetectedEntry[]; roots: Element[] } {
  const doc = parseFixture(`huggingface/${path}`);
  const context = huggingface.readContext(doc, url);
  const roots = [...doc.querySelectorAll(huggingface.entrySelector)];
  const entries = roots.map((root) => huggingface.readEntry(root, context)).filter((e): e is DetectedEntry => !!e);
  return { doc, entries, roots };
}

describe('Hugging Face URL detectors', () => {
  it.each([
    ['https://huggingface.co/papers', 'listing'],
    ['https://huggingface.co/papers/', 'listing'],
    ['https://huggingface.co/papers?q=reward%20models', 'listing'],
    ['https://huggingface.co/papers?date=2026-09-28', 'listing'],
    ['https://huggingface.co/papers/date/2026-09-28', 'listing'],
    ['https://huggingface.co/papers/week/2026-W39', 'listing'],
    ['https://huggingface.co/papers/month/2026-09', 'listing'],
    ['https://huggingface.co/papers/trending', 'listing'],
    ['https://huggingface.co/papers/2609.31620', 'paper'],
    ['https://huggingface.co/papers/2609.31620#community', 'paper'],
    ['https://huggingface.co/papers/2401.01234v2', 'paper'],
    ['https://huggingface.co/models', 'none'],
    ['https://huggingface.co/papers/submit', 'none'],
    ['https://huggingface.co/papers/date/yesterday', 'none'],
    ['https://huggingface.co/papers/2609.31620/community', 'none'],
    ['https://huggingface.co/paperswithcode', 'none'],
    ['http://huggingface.co/papers', 'none'],
    ['https://huggingface.co.evil.example/papers', 'none'],
    ['https://arxiv.org/papers/2609.31620', 'none'],
  ])('%s is %s', (href, kind) => {
    const url = new URL(href);
    expect(isPaperListing(url)).toBe(kind === 'listing');
    expect(paperPageId(url) !== undefined).toBe(kind === 'paper');
    expect(huggingface.isSupportedUrl(url)).toBe(kind !== 'none');
  });

  it('takes the id without its version from a paper page URL', () => {
    expect(paperPageId(new URL('https://huggingface.co/papers/2401.01234v2'))).toBe('2401.01234');
  });
});

describe('Hugging Face adapter on the real Daily Papers capture (28 cards)', () => {
  const { doc, entries, roots } = detect('hf_papers_daily_2026-09-28.html');
  const json = dailyPapersJson(doc);

  it('finds every card and nothing else', () => {
    expect(json).toHaveLength(28);
    expect(roots.filter((root) => root.localName === 'article')).toHaveLength(28);
    expect(entries).toHaveLength(28);
    expect(entries.every((entry) => entry.root.localName === 'article')).toBe(true);
  });

  it('reads ids in page order, matching the JSON', () => {
    expect(entries.map((e) => e.paper.id)).toEqual(json.map((j) => j.paper.id));
    expect(entries[0]!.paper.id).toBe('2609.31620');
    expect(entries.at(-1)!.paper.id).toBe('2604.02103');
  });

  it.each(json.map((j, index) => [j.paper.id, index] as const))('%s: title, authors and abstract match the JSON', (id, index) => {
    const entry = entries[index]!;
    const expected = json[index]!.paper;
    expect(entry.paper.id).toBe(id);
    // The title is read from the card; the JSON says the same.
    expect(entry.paper.title).toBe(normalizeText(expected.title));
    expect(entry.paper.authors).toEqual((expected.authors ?? []).filter((a) => !a.hidden).map((a) => normalizeText(a.name)));
    expect(entry.paper.abstract).toBe(normalizeText(expected.summary));
    expect(entry.paper.abstract.length).toBeGreaterThan(500);
    expect(entry.paper.url).toBe(`https://huggingface.co/papers/${id}`);
    expect(entry.paper.site).toBe('huggingface');
    expect(entry.paper.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('reads the first card exactly', () => {
    const first = entries[0]!.paper;
    expect(first.title).toBe(
      'FuseReg: Regularizing Layer Fusion Mitigates the Reconstruction-Generation Gap in Representation Autoencoders',
    );
    expect(first.authors).toHaveLength(16);
    expect(first.authors.slice(0, 3)).toEqual(['Hongyang Du', 'Yunfei Xie', 'Junjie Ye']);
    expect(first.abstract.startsWith('Representation autoencoders (RAEs) reuse features')).toBe(true);
    expect(first.published).toBe('2026-09-25');
  });

  it('places the UI below the title column, never inside a link', () => {
    for (const entry of entries.slice(0, 5)) {
      const host = doc.createElement('paperlight-entry');
      entry.placeUi(host);
      expect(entry.root.contains(host)).toBe(true);
      expect(host.closest('a')).toBeNull();
      expect(host.previousElementSibling?.querySelector('a[href^="/papers/"]') ?? host.parentElement?.querySelector('h3')).toBeTruthy();
      host.remove();
    }
  });
});

describe('Hugging Face adapter on variants', () => {
  it('falls back to the cards when there is no JSON block (28 entries, avatar authors, no abstracts)', () => {
    const full = detect('hf_papers_daily_2026-09-28.html');
    const { entries } = detect('hf_papers_daily_2026-09-28.no-json.html');
    expect(entries).toHaveLength(28);
    expect(entries.map((e) => e.paper.id)).toEqual(full.entries.map((e) => e.paper.id));
    expect(entries.map((e) => e.paper.title)).toEqual(full.entries.map((e) => e.paper.title));
    expect(entries.every((e) => e.paper.abstract === '')).toBe(true);
    // 9 cards show an author avatar stack (at most 5 names); cards with an organisation chip show none.
    const withAuthors = entries.filter((e) => e.paper.authors.length > 0);
    expect(withAuthors).toHaveLength(9);
    expect(withAuthors.every((e) => e.paper.authors.length <= 5)).toBe(true);
    // The stack is laid out right to left: read in the order shown, which is the paper's author order.
    const agentWorld = entries.find((e) => e.paper.id === '2609.31590')!;
    expect(agentWorld.paper.authors).toEqual(['Raphael Shu', 'Yusen Zhang', 'Young Min Cho', 'Jin Mo Yang', 'Yuan Yuan']);
    expect(full.entries.find((e) => e.paper.id === '2609.31590')!.paper.authors.slice(0, 5)).toEqual(agentWorld.paper.authors);
    // Avatars of claimed authors are titled with a user name (the card shows nothing else): 'ghy0324'.
    expect(entries.find((e) => e.paper.id === '2609.31394')!.paper.authors).toContain('ghy0324');
    // Every avatar without a picture is titled with a real author's name; all come in the paper's order.
    for (const entry of withAuthors) {
      const real = full.entries.find((e) => e.paper.id === entry.paper.id)!.paper.authors;
      const unclaimed = [...entry.root.querySelectorAll('ul > li[title]')].filter((li) => !li.querySelector('img'));
      expect(real).toEqual(expect.arrayContaining(unclaimed.map((li) => li.getAttribute('title'))));
      const named = entry.paper.authors.filter((name) => real.includes(name));
      expect(named.length).toBeGreaterThanOrEqual(unclaimed.length);
      expect(named).toEqual(real.filter((name) => named.includes(name)));
    }
  });

  it('reads search-result titles with highlight spans as plain titles', () => {
    const { entries } = detect('hf_papers_search_highlight.html', new URL('https://huggingface.co/papers?q=long-horizon%20agent'));
    expect(entries.map((e) => e.paper.title)).toEqual([
      'FuseReg: Regularizing Layer Fusion Mitigates the Reconstruction-Generation Gap in Representation Autoencoders',
      'TrackEverything: Long Horizon Dense Tracking via De-Duplicating 3D Scene Representations',
      'AgentWorld: Benchmarking Long-Horizon Collaboration of Multi-agent LLMs',
    ]);
    expect(entries[0]!.paper.abstract).not.toBe('');
    expect(entries[2]!.paper.abstract).toBe('');
  });

  it('reads entries with missing fields and skips a card without an id', () => {
    const { entries, roots } = detect('hf_papers_missing-fields.html');
    expect(roots.filter((r) => r.localName === 'article')).toHaveLength(3);
    expect(entries.map((e) => e.paper.id)).toEqual(['2609.31620', '2609.31590']);
    const [fuseReg, agentWorld] = entries;
    expect(fuseReg!.paper.abstract).toBe('');
    expect(fuseReg!.paper.authors).toEqual([]);
    expect(fuseReg!.paper.title).toMatch(/^FuseReg:/);
    expect(agentWorld!.paper.authors).toEqual(['Raphael Shu', 'Yusen Zhang', 'Young Min Cho', 'Jin Mo Yang', 'Yuan Yuan']);
  });

  it('survives malformed JSON: empty context, cards still read', () => {
    const doc = parseFixture('huggingface/hf_papers_broken-json.html');
    expect(() => readContext(doc, LISTING_URL)).not.toThrow();
    expect(readContext(doc, LISTING_URL).papers.size).toBe(0);
    const { entries } = detect('hf_papers_broken-json.html');
    expect(entries.map((e) => e.paper.id)).toEqual(['2609.31620', '2609.30222', '2609.31590']);
  });

  it('finds nothing (and does not throw) on markup it does not know', () => {
    const { entries, roots } = detect('hf_papers_unknown-layout.html');
    expect(roots).toHaveLength(1); // only the listing's own section with its <h1>, which is no entry
    expect(entries).toEqual([]);
  });

  it('finds nothing on an empty or foreign document', () => {
    const doc = new DOMParser().parseFromString('<html><body><main><p>hi</p></main></body></html>', 'text/html');
    const context = readContext(doc, LISTING_URL);
    expect([...doc.querySelectorAll(huggingface.entrySelector)].map((r) => huggingface.readEntry(r, context))).toEqual([]);
  });
});

describe('Hugging Face single paper page (constructed approximation)', () => {
  const url = new URL('https://huggingface.co/papers/2609.31620');
  const expected = dailyPapersJson(parseFixture('huggingface/hf_papers_daily_2026-09-28.html'))[0]!.paper;

  it.each(['hf_paper_page_2609.31620.constructed.html', 'hf_paper_page_2609.31620.constructed.no-json.html'])(
    '%s: one entry with title, all authors and the abstract (not the AI summary)',
    (file) => {
      const { entries } = detect(file, url);
      expect(entries).toHaveLength(1);
      const [entry] = entries;
      expect(entry!.paper.id).toBe('2609.31620');
      expect(entry!.root.localName).toBe('section');
      expect(entry!.paper.title).toBe(normalizeText(expected.title));
      expect(entry!.paper.authors).toEqual(expected.authors!.map((a) => a.name));
      expect(entry!.paper.abstract).toBe(normalizeText(expected.summary));
      expect(entry!.titleElement?.localName).toBe('h1');
      expect(entry!.abstractElement && normalizeText(entry!.abstractElement.textContent)).toBe(normalizeText(expected.summary));
    },
  );

  it('places the UI right after the title', () => {
    const { entries, doc } = detect('hf_paper_page_2609.31620.constructed.html', url);
    const host = doc.createElement('paperlight-entry');
    entries[0]!.placeUi(host);
    expect(host.previousElementSibling?.localName).toBe('h1');
  });

  it('reads no paper page entry on a listing URL', () => {
    const { entries } = detect('hf_paper_page_2609.31620.constructed.html', LISTING_URL);
    expect(entries).toEqual([]);
  });
});

describe('Hugging Face theme', () => {
  it('follows the dark class on <html>', () => {
    const doc = parseFixture('huggingface/hf_papers_daily_2026-09-28.trimmed.html');
    expect(huggingface.readTheme!(doc)).toBe('light');
    doc.documentElement.classList.add('dark');
    expect(huggingface.readTheme!(doc)).toBe('dark');
  });
});

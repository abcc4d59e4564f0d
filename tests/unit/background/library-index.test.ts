import { describe, expect, it } from 'vitest';
import { LibraryIndex, SUMMARY_TOP, weekStart } from '../../../lib/background/library-index';
import { parseQuery } from '../../../lib/library/query';
import type { PaperFacets } from '../../../lib/db';
import { normalizeForSearch, queryWords, titleHasWords } from '../../../lib/background/title-search';

function facets(id: string, savedAt: number, overrides: Partial<PaperFacets> = {}): PaperFacets {
  return { id, savedAt, updatedAt: savedAt, title: `Paper ${id}`, authors: [], topics: [], benchmarks: [], tags: [], note: '', ...overrides };
}

describe('title search', () => {
  it.each([
    ['GSM8K', 'Scaling laws on GSM8K', true],
    ['gsm8k scaling', 'Scaling laws on GSM8K', true],
    ['scal', 'Scaling laws on GSM8K', true],
    ['  Scaling   LAWS ', 'Scaling laws on GSM8K', true],
    ['scaling math', 'Scaling laws on GSM8K', false],
    ['reward-model', 'Reward Model Ensembles', true],
    ['reward model', 'Reward-Model ensembles', true],
    ['naive', 'Naïve Bayes revisited', true],
    ['naïve', 'Naive Bayes revisited', true],
    ['ﬁne-tuning', 'Fine-tuning at scale', true], // ligature in the query, as copied from a PDF
  ])('%j in %j → %s', (query, title, matches) => {
    expect(titleHasWords(normalizeForSearch(title), queryWords(query))).toBe(matches);
  });

  it('has no words for an empty or punctuation-only query', () => {
    expect(queryWords(undefined)).toEqual([]);
    expect(queryWords('  ')).toEqual([]);
    expect(queryWords('-- ,')).toEqual([]);
  });
});

describe('LibraryIndex', () => {
  it('counts papers per topic and benchmark, most frequent first, ties alphabetical', () => {
    const index = LibraryIndex.fromPapers([
      facets('a', 1, { topics: ['agents', 'evaluation'], benchmarks: ['WebArena'] }),
      facets('b', 2, { topics: ['evaluation'], benchmarks: ['MMLU', 'WebArena'] }),
      facets('c', 3, { topics: ['agents', 'evaluation', 'agents'], benchmarks: ['GSM8K'] }),
    ]);
    expect(index.summary()).toEqual({
      count: 3,
      topTopics: [
        { id: 'evaluation', count: 3 },
        { id: 'agents', count: 2 },
      ],
      topBenchmarks: [
        { name: 'WebArena', count: 2 },
        { name: 'GSM8K', count: 1 },
        { name: 'MMLU', count: 1 },
      ],
    });
  });

  it(`names at most ${SUMMARY_TOP} topics and benchmarks`, () => {
    const many = Array.from({ length: 20 }, (_, i) => `t${String(i).padStart(2, '0')}`);
    const index = LibraryIndex.fromPapers([facets('a', 1, { topics: many, benchmarks: many })]);
    expect(index.summary().topTopics).toHaveLength(SUMMARY_TOP);
    expect(index.summary().topBenchmarks.map((b) => b.name)).toEqual(many.slice(0, SUMMARY_TOP));
  });

  it('upsert is idempotent and replaces what a paper contributed', () => {
    const index = LibraryIndex.fromPapers([facets('a', 1, { topics: ['agents'] })]);
    index.upsert(facets('a', 1, { topics: ['agents'] }));
    index.upsert(facets('a', 1, { topics: ['agents'] }));
    expect(index.summary()).toMatchObject({ count: 1, topTopics: [{ id: 'agents', count: 1 }] });
    index.upsert(facets('a', 1, { topics: ['evaluation'] }));
    expect(index.summary()).toMatchObject({ count: 1, topTopics: [{ id: 'evaluation', count: 1 }] });
  });

  it('remove takes a paper out of counts and search, and ignores unknown ids', () => {
    const index = LibraryIndex.fromPapers([
      facets('a', 1, { title: 'Agents at work', topics: ['agents'] }),
      facets('b', 2, { title: 'Agents at play', topics: ['agents'] }),
    ]);
    index.remove('a');
    index.remove('a');
    index.remove('zzz');
    expect(index.summary()).toMatchObject({ count: 1, topTopics: [{ id: 'agents', count: 1 }] });
    expect(index.idsWithTitleWords(['agents'])).toEqual(['b']);
  });

  it('keeps search results newest first (savedAt, then id, descending) through inserts and removals', () => {
    const index = LibraryIndex.fromPapers([facets('a', 5), facets('b', 1), facets('c', 9)]);
    index.upsert(facets('d', 5));
    index.upsert(facets('e', 10));
    index.remove('c');
    index.upsert(facets('f', 0));
    expect(index.idsWithTitleWords(['paper'])).toEqual(['e', 'd', 'a', 'b', 'f']);
  });

  it('forgets a cached search and summary when the library changes', () => {
    const index = LibraryIndex.fromPapers([facets('a', 1, { title: 'Reward models' })]);
    expect(index.idsWithTitleWords(['reward'])).toEqual(['a']);
    expect(index.summary().count).toBe(1);
    index.upsert(facets('b', 2, { title: 'Reward hacking' }));
    expect(index.idsWithTitleWords(['reward'])).toEqual(['b', 'a']);
    expect(index.summary().count).toBe(2);
  });
});

describe('LibraryIndex: the popup’s search, sort, chart and tags', () => {
  const DAY = 86_400_000;
  const NOW = new Date(2026, 8, 30, 15).getTime(); // a Wednesday afternoon, local time
  const index = () =>
    LibraryIndex.fromPapers([
      facets('2401.00001', NOW - 1 * DAY, { title: 'Reward models', topics: ['reward-modeling'], tags: ['rlhf'], readAt: 5 }),
      facets('2312.00002', NOW - 8 * DAY, { title: 'Agents', topics: ['agents', 'evaluation'], authors: ['Ada Lovelace'], published: '2025-02-01' }),
      facets('doi:10.1/x', NOW - 9 * DAY, { title: 'Undated agents', topics: ['agents'], tags: ['rlhf', 'survey'] }),
      facets('2405.00004', NOW - 200 * DAY, { title: 'Old save', topics: ['agents'], note: 'pairwise preferences' }),
    ]);

  it('searches with the query language, newest saved first', () => {
    const library = index();
    expect(library.search(parseQuery(''), 'saved')).toEqual(['2401.00001', '2312.00002', 'doi:10.1/x', '2405.00004']);
    expect(library.search(parseQuery('topic:agents -tag:survey'), 'saved')).toEqual(['2312.00002', '2405.00004']);
    expect(library.search(parseQuery('author:lovelace'), 'saved')).toEqual(['2312.00002']);
    expect(library.search(parseQuery('pairwise'), 'saved')).toEqual(['2405.00004']);
    expect(library.search(parseQuery('is:unread tag:rlhf'), 'saved')).toEqual(['doi:10.1/x']);
  });

  it('sorts by publication: the page’s date, else the month in the arXiv id; undated last', () => {
    expect(index().search(parseQuery(''), 'published')).toEqual(['2312.00002', '2405.00004', '2401.00001', 'doi:10.1/x']);
  });

  it('follows edits: a paper tagged or read after the first search is found by the next', () => {
    const library = index();
    expect(library.search(parseQuery('tag:survey'), 'saved')).toEqual(['doi:10.1/x']);
    library.upsert(facets('2405.00004', NOW - 200 * DAY, { title: 'Old save', topics: ['agents'], tags: ['survey'] }));
    expect(library.search(parseQuery('tag:survey'), 'saved')).toEqual(['doi:10.1/x', '2405.00004']);
    expect(library.tagCounts()).toEqual([
      { tag: 'rlhf', count: 2 },
      { tag: 'survey', count: 2 },
    ]);
  });

  it('counts papers per topic and per week (the last 12, Monday to Sunday, local time) for the chart', () => {
    const library = index();
    const stats = library.stats(library.search(parseQuery(''), 'saved'), NOW);
    expect(stats.total).toBe(4);
    expect(stats.topics).toEqual([
      { id: 'agents', count: 3 },
      { id: 'evaluation', count: 1 },
      { id: 'reward-modeling', count: 1 },
    ]);
    expect(stats.weeks).toHaveLength(12);
    expect(stats.weeks.at(-1)).toEqual({ start: '2026-09-28', count: 1 });
    expect(stats.weeks.at(-2)).toEqual({ start: '2026-09-21', count: 2 });
    expect(stats.weeks[0]!.start).toBe('2026-07-13');
    expect(stats.weeks.reduce((sum, week) => sum + week.count, 0)).toBe(3); // the 200-day-old save is out of range
    expect(weekStart(new Date(2026, 8, 27, 23, 59).getTime())).toBe('2026-09-21'); // a Sunday belongs to the week before
    expect(library.stats(library.search(parseQuery('tag:rlhf'), 'saved'), NOW).topics).toEqual([
      { id: 'agents', count: 1 },
      { id: 'reward-modeling', count: 1 },
    ]);
  });
});

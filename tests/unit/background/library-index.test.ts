import { describe, expect, it } from 'vitest';
import { LibraryIndex, SUMMARY_TOP } from '../../../lib/background/library-index';
import type { PaperFacets } from '../../../lib/db';
import { normalizeForSearch, queryWords, titleHasWords } from '../../../lib/background/title-search';

function facets(id: string, savedAt: number, overrides: Partial<PaperFacets> = {}): PaperFacets {
  return { id, savedAt, title: `Paper ${id}`, topics: [], benchmarks: [], ...overrides };
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

import { describe, expect, it } from 'vitest';
import { facetsOf } from '../../../lib/db';
import { compileQuery, formatTerm, parseQuery, searchableOf, withoutTerm, withTerm } from '../../../lib/library/query';
import { SAMPLE_PAPERS } from './sample-library';

const [rewardPaper, agentsPaper, oldPaper, doiPaper] = SAMPLE_PAPERS.map((paper) => searchableOf(facetsOf(paper)));

describe('parseQuery', () => {
  it.each([
    ['', []],
    ['reward model', [['text', 'reward', false], ['text', 'model', false]]],
    ['"reward model"', [['text', 'reward model', false]]],
    ['topic:reward-modeling', [['topic', 'reward-modeling', false]]],
    ['bench:GSM8K author:Smith', [['bench', 'GSM8K', false], ['author', 'Smith', false]]],
    ['tag:"to read" is:UNREAD', [['tag', 'to read', false], ['is', 'unread', false]]],
    ['-tag:done agents', [['tag', 'done', true], ['text', 'agents', false]]],
    ['benchmark:MMLU dataset:MATH topics:agents by:Witten tags:x', [['bench', 'MMLU', false], ['bench', 'MATH', false], ['topic', 'agents', false], ['author', 'Witten', false], ['tag', 'x', false]]],
    ['2401.01234v2', [['id', '2401.01234', false]]],
    ['arXiv:2401.01234', [['id', '2401.01234', false]]],
    ['re:thinking', [['text', 're:thinking', false]]],
    ['tag: author:', []], // still typing
    ['  spaced   out  ', [['text', 'spaced', false], ['text', 'out', false]]],
  ])('%j', (text, expected) => {
    const { terms, problems } = parseQuery(text);
    expect(terms.map((term) => [term.field, term.value, term.negated])).toEqual(expected);
    expect(problems).toEqual([]);
  });

  it('reports an unknown is: value and leaves it out', () => {
    const { terms, problems } = parseQuery('is:starred agents');
    expect(terms.map((term) => term.field)).toEqual(['text']);
    expect(problems).toEqual([expect.stringContaining('“is:starred” is not a filter')]);
  });

  it('never throws on odd input', () => {
    for (const text of ['"', '-', '--', ':', 'tag:"', '"unclosed phrase', 'a:b:c', '\u0000', '-"x"', 'ℌ𝔢𝔩𝔩𝔬']) {
      expect(() => parseQuery(text)).not.toThrow();
    }
  });
});

describe('matching', () => {
  const matches = (text: string) =>
    [rewardPaper, agentsPaper, oldPaper, doiPaper].filter((paper) => compileQuery(parseQuery(text)).test(paper!)).map((paper) => paper!.id);

  it.each([
    ['', ['2401.01234', '2401.01235', 'hep-th/9901001', 'doi:10.1145/3292500.3330701']],
    ['scaling', ['2401.01234', '2401.01235']],
    ['SCALING agents', ['2401.01235']],
    ['"reward models"', ['2401.01234']],
    ['"models reward"', []],
    ['pairwise', ['2401.01234']], // the note
    ['witten', ['hep-th/9901001']], // an author
    ['topic:reward-modeling', ['2401.01234']],
    ['topic:reward', ['2401.01234']], // a whole-word prefix of the id
    ['topic:rew', []],
    ['topic:"Reward modeling"', ['2401.01234']], // the label as typed
    ['bench:gsm8k', ['2401.01234']],
    ['bench:GSM', []],
    ['author:lovelace', ['2401.01234', '2401.01235']],
    ['author:love', ['2401.01234', '2401.01235']],
    ['author:"van beethoven"', ['2401.01234']],
    ['author:ace', []], // not the start of a word
    ['author:nunez', ['2401.01234']], // accents ignored
    ['tag:to-read', ['2401.01234']],
    ['tag:"to read"', ['2401.01234']],
    ['tag:to', []],
    ['is:read', ['2401.01234']],
    ['is:unread tag:survey', ['doi:10.1145/3292500.3330701']],
    ['is:tagged', ['2401.01234', 'doi:10.1145/3292500.3330701']],
    ['is:untagged', ['2401.01235', 'hep-th/9901001']],
    ['is:noted', ['2401.01234', 'hep-th/9901001']],
    ['-is:read scaling', ['2401.01235']],
    ['-tag:survey is:unread', ['2401.01235', 'hep-th/9901001']],
    ['2401.01235', ['2401.01235']],
    ['hep-th/9901001', ['hep-th/9901001']],
  ])('%j → %j', (text, expected) => {
    expect(matches(text)).toEqual(expected);
  });
});

describe('adding and removing filters (badge clicks, chips)', () => {
  it('adds a term once, quoting values with spaces, and removes it again', () => {
    let text = withTerm('scaling', { field: 'topic', value: 'agents', negated: false });
    expect(text).toBe('scaling topic:agents');
    expect(withTerm(text, { field: 'topic', value: 'agents', negated: false })).toBe(text);
    text = withTerm(text, { field: 'bench', value: 'MMLU Pro', negated: false });
    expect(text).toBe('scaling topic:agents bench:"MMLU Pro"');
    expect(parseQuery(text).terms.at(-1)).toEqual({ field: 'bench', value: 'MMLU Pro', negated: false });
    expect(withoutTerm(text, { field: 'topic', value: 'agents', negated: false })).toBe('scaling bench:"MMLU Pro"');
  });

  it('formats every term so that it parses back to itself', () => {
    for (const text of ['-tag:"to read"', 'author:Smith', 'is:unread', '"two words"', 'bench:GSM8K', '2401.01234']) {
      const terms = parseQuery(text).terms;
      expect(parseQuery(terms.map(formatTerm).join(' ')).terms).toEqual(terms);
    }
  });
});

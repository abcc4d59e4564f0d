import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AREAS, checkCatalogue, normalizedKey, parseCatalogue } from '../../../lib/extract/catalogue';

// The shipped catalogue is data, reviewed as one sorted file (issue 3, item 1). These tests are the guard
// the README points to: a new entry or alias that breaks the format, the order or uniqueness fails here.
const tsv = readFileSync(new URL('../../../lib/extract/data/benchmarks.tsv', import.meta.url), 'utf8');
const { entries } = parseCatalogue(tsv);

const HEADER = '# name\taliases\tarea\tflags\turl';
const line = (name: string, aliases = '', area = 'language', flags = '', url = '') =>
  [name, aliases, area, flags, url].join('\t');
const file = (...lines: string[]) => [HEADER, ...lines, ''].join('\n');

describe('lib/extract/data/benchmarks.tsv', () => {
  it('has no problems: sorted, five columns, known areas and flags, no name or alias twice', () => {
    expect(checkCatalogue(tsv)).toEqual([]);
  });

  it('holds at least 1,000 benchmarks across the areas the issue names', () => {
    expect(entries.length).toBeGreaterThanOrEqual(1000);
    const areas = new Set(entries.map((e) => e.area));
    for (const area of ['language', 'reasoning', 'math', 'code', 'agents', 'vision', 'speech', 'rl', 'robotics', 'graphs', 'time-series', 'recommendation', 'medicine', 'science']) {
      expect(areas, area).toContain(area);
    }
  });

  it('keeps versions and variants as their own entries', () => {
    const names = new Set(entries.map((e) => e.name));
    for (const name of ['MMLU', 'MMLU-Pro', 'RewardBench', 'RewardBench 2', 'ImageNet', 'ImageNet-1k', 'SWE-bench', 'SWE-bench Verified']) {
      expect(names, name).toContain(name);
    }
  });

  it('flags the names that are ordinary words', () => {
    const byName = new Map(entries.map((e) => [e.name, e]));
    for (const name of ['MATH', 'ARC', 'The Pile']) {
      expect(byName.get(name)?.caseSensitive, name).toBe(true);
      expect(byName.get(name)?.needsCue, name).toBe(true);
    }
    expect(byName.get('COCO')?.caseSensitive).toBe(true);
  });

  it('has only https links', () => {
    for (const entry of entries) if (entry.url) expect(entry.url).toMatch(/^https:\/\//);
  });
});

describe('checkCatalogue', () => {
  it('accepts a well-formed file', () => {
    expect(checkCatalogue(file(line('GSM8K', 'Grade School Math 8K', 'math'), line('HotpotQA', '', 'qa')))).toEqual([]);
  });

  it.each([
    ['a duplicate name', file(line('GSM8K'), line('GSM8K')), /also a name\/alias of "GSM8K"/],
    ['a name that only differs by spelling', file(line('GSM-8K'), line('GSM8K')), /also a name\/alias/],
    ['an alias that is another entry\'s name', file(line('MMLU', 'MMLU-Pro'), line('MMLU-Pro')), /also a name\/alias of "MMLU"/],
    ['an alias that repeats its own name once normalised', file(line('HotpotQA', 'HotPotQA')), /repeats the name/],
    ['unsorted lines', file(line('MMLU'), line('GSM8K')), /out of order/],
    ['an unknown area', file(line('MMLU', '', 'trivia')), /unknown area/],
    ['an unknown flag', file(line('MMLU', '', 'language', 'loud')), /unknown flag/],
    ['"cue" without "case"', file(line('MATH', '', 'math', 'cue')), /needs "case"/],
    ['a missing column', file('MMLU\t\tlanguage\t'), /5 tab-separated columns/],
    ['padding around a column', file(line('MMLU ', '', 'language')), /white space/],
    ['a non-https url', file(line('MMLU', '', 'language', '', 'http://example.org')), /https/],
  ])('rejects %s', (_, text, message) => {
    const problems = checkCatalogue(text);
    expect(problems.map((p) => p.message).join('\n')).toMatch(message);
  });

  it('lets a case-sensitive entry list each exact form', () => {
    expect(checkCatalogue(file(line('The Pile', 'Pile|the Pile', 'language', 'case,cue')))).toEqual([]);
  });

  it('knows every area the format note lists', () => {
    expect(AREAS).toContain('time-series');
    expect(AREAS).toHaveLength(26);
  });
});

describe('normalizedKey', () => {
  it.each([
    ['GSM8K', 'gsm8k'],
    ['GSM-8K', 'gsm8k'],
    ['GSM 8K', 'gsm8k'],
    ['HotPotQA', 'hotpotqa'],
    ['AlpacaEval 2.0', 'alpacaeval20'],
    ['HumanEval+', 'humanevalplus'],
    ['The Pile', 'pile'],
    ['Humanity\'s Last Exam', 'humanityslastexam'],
  ])('%s -> %s', (form, key) => {
    expect(normalizedKey(form)).toBe(key);
  });
});

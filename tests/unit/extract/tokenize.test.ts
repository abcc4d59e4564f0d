import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../../../lib/extract/catalogue';
import {
  GAP_COMMA,
  GAP_HYPHEN,
  GAP_LATEX,
  GAP_NONE,
  GAP_SENTENCE,
  TRAILING_PERCENT,
  tokenize,
  tokenKey,
  wordsOf,
} from '../../../lib/extract/tokenize';

const keysOf = (text: string) => {
  const tokens = tokenize(text);
  return Array.from({ length: tokens.length }, (_, t) => tokenKey(tokens, t));
};

describe('tokenize', () => {
  it('splits into lower-cased letter and digit words with the gap before each', () => {
    const tokens = tokenize('We test GSM-8K, MATH. Then \\textbf{5.4\\%} on HumanEval+ here');
    expect(keysOf('We test GSM-8K, MATH. Then \\textbf{5.4\\%} on HumanEval+ here')).toEqual([
      'we', 'test', 'gsm', '8k', 'math', 'then', 'textbf', '5', '4', 'on', 'humaneval', 'plus', 'here',
    ]);
    expect(tokens.info[3]! & GAP_HYPHEN).toBeTruthy(); // "-8K"
    expect(tokens.info[4]! & GAP_COMMA).toBeTruthy(); // ", MATH"
    expect(tokens.info[5]! & GAP_SENTENCE).toBeTruthy(); // ". Then"
    expect(tokens.info[6]! & GAP_LATEX).toBeTruthy(); // "\textbf"
    expect(tokens.info[8]! & TRAILING_PERCENT).toBeTruthy(); // "4\%"
    expect(tokens.info[11]! & GAP_NONE).toBeTruthy(); // "+" of "HumanEval+"
  });

  it('keeps offsets into the original text, whatever lower-casing does to its length', () => {
    const text = 'İstanbul ß GSM8K';
    const tokens = tokenize(text);
    expect(text.slice(tokens.starts[2], tokens.ends[2])).toBe('GSM8K');
  });
});

// The catalogue and the topic phrases are split by `wordsOf`, abstracts by the tokenizer: they must agree
// on every name, or a name would never meet its own mention.
describe('wordsOf agrees with the tokenizer', () => {
  const catalogue = readFileSync(new URL('../../../lib/extract/data/benchmarks.tsv', import.meta.url), 'utf8');
  const phrases = readFileSync(new URL('../../../lib/extract/data/topic-keywords.tsv', import.meta.url), 'utf8');
  const forms = [
    ...parseCatalogue(catalogue).entries.flatMap((e) => [e.name, ...e.aliases]),
    ...phrases
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .flatMap((l) => (l.split('\t')[2] ?? '').split('|'))
      .map((p) => p.replace(/^=/, '')),
    'HumanEval+', 'τ²-bench', 'İstanbul-QA', 'AIME\'24', 'CNN/DailyMail', 'TL;DR', 'Tanks & Temples', 'MBPP+ (v2)',
  ];

  it(`on all ${forms.length} names, aliases and phrases`, () => {
    const disagreements = forms.filter((form) => JSON.stringify(wordsOf(form).keys) !== JSON.stringify(keysOf(form)));
    expect(disagreements).toEqual([]);
  });
});

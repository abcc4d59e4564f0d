import { describe, expect, it } from 'vitest';
import { extract, MAX_INPUT_CHARS, TOPICS } from '../../../lib/extract';
import type { Extraction, ExtractInput } from '../../../lib/extract';

// The extractor never throws (issue 3): whatever a page hands it, the badges of the other entries must
// still render. A seeded generator keeps failures reproducible.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    state ^= state >>> 13;
    return state / 0x100000000;
  };
}

const PIECES = [
  'GSM8K', 'MATH', ' on ', ' and ', '94.1', '%', '\\%', '+5.4% accuracy', 'RewardBench 2', 'we introduce ', ', a dataset of ',
  ' benchmark ', '(', ')', '$\\mathcal{O}(n)$', '\\textbf{', '}', '\u0130', '\u00df', '\u{1F600}', '\uD800', '\uDFFF', '\u0000',
  '\n\n', '-', '--', '+', '...', 'İstanbul', 'ΣΑΣ', '数学', 'Ａ', '\u200b', '\u2212', '1,360', '2024', 'v2', '-Bench', 'QA',
  'X:', ': A Benchmark', 'the Pile', 'ARC', ' (', '), a ', 'called ', 'τ-bench', '\t', '\r\n',
];

function randomText(next: () => number, length: number): string {
  let text = '';
  while (text.length < length) {
    const roll = next();
    if (roll < 0.5) text += PIECES[Math.floor(next() * PIECES.length)];
    else if (roll < 0.8) text += String.fromCharCode(32 + Math.floor(next() * 95));
    else text += String.fromCharCode(Math.floor(next() * 0x10000));
  }
  return text;
}

function expectWellFormed(extraction: Extraction): void {
  expect(Array.isArray(extraction.benchmarks)).toBe(true);
  expect(extraction.topics.length).toBeLessThanOrEqual(4);
  const ids = new Set(TOPICS.map((t) => t.id));
  for (const topic of extraction.topics) expect(ids.has(topic.id)).toBe(true);
  for (const b of extraction.benchmarks) {
    expect(typeof b.name).toBe('string');
    expect(b.name.length).toBeGreaterThan(0);
    expect(b.matched.length).toBeGreaterThan(0);
  }
  for (const r of extraction.results) {
    expect(Number.isFinite(r.value)).toBe(true);
    expect(extraction.benchmarks.some((b) => b.name === r.benchmark)).toBe(true);
  }
}

describe('extract never throws', () => {
  it('on random text mixing unicode, markup and benchmark-like pieces', () => {
    const next = random(20261127);
    for (let i = 0; i < 400; i++) {
      const input = { title: randomText(next, next() * 120), abstract: randomText(next, next() * 3000) };
      expectWellFormed(extract(input));
    }
  });

  it.each<[string, unknown]>([
    ['empty strings', { title: '', abstract: '' }],
    ['only white space', { title: '  \n', abstract: '\t\t\n\n ' }],
    ['only punctuation', { title: '...', abstract: '(),;:!?%$\\{}[]' }],
    ['missing fields', {}],
    ['null fields', { title: null, abstract: null }],
    ['numbers for strings', { title: 42, abstract: 7 }],
    ['no input at all', undefined],
    ['null', null],
    ['lone surrogates', { title: '\uD800\uDC00\uDBFF', abstract: '\uDFFF GSM8K \uD83D' }],
    ['a word longer than any key', { title: '', abstract: 'a'.repeat(100_000) }],
    ['digits only', { title: '', abstract: '1'.repeat(50_000) }],
  ])('on %s', (_, input) => {
    expectWellFormed(extract(input as ExtractInput));
  });

  it('on a huge input, within a bounded time', () => {
    const abstract = 'We evaluate on GSM8K and MATH, reaching 94.1% on MATH. '.repeat(200_000); // about 11 MB
    const started = performance.now();
    const extraction = extract({ title: 'Huge', abstract });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(extraction.benchmarks.map((b) => b.name)).toEqual(['GSM8K', 'MATH']);
    expect(MAX_INPUT_CHARS).toBeLessThan(abstract.length);
  });

  it('gives the same answer twice (no state leaks between calls)', () => {
    const input = { title: 'RewardBench 2: Advancing Reward Model Evaluation', abstract: 'Models score 20 points lower on RewardBench 2 than on RewardBench.' };
    const first = extract(input);
    extract({ title: 'Other', abstract: 'Speech recognition on LibriSpeech with 2.1% WER.' });
    expect(extract(input)).toEqual(first);
  });
});

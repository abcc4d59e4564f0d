import type { LibraryPaper, StoredHighlight } from '../../lib/db/schema';

/**
 * A deterministic library of `count` papers for the benchmarks (tests/bench/popup*.{mjs,ts}): realistic
 * sizes (titles of 6-13 words, five authors, ~1,300-character abstracts, 1-3 topics, 0-4 benchmarks), a
 * third tagged, a quarter read, one in ten with a note and a highlight, saved a minute apart.
 */
export function fakeLibrary(count: number, now = Date.UTC(2026, 8, 30)): { papers: LibraryPaper[]; highlights: StoredHighlight[] } {
  const next = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const papers: LibraryPaper[] = [];
  const highlights: StoredHighlight[] = [];
  for (let n = 0; n < count; n++) {
    const title = Array.from({ length: 6 + Math.floor(next() * 8) }, () => pick(WORDS)).join(' ');
    const savedAt = now - (count - n) * 60_000;
    const id = `${2300 + Math.floor(n / 90_000) + (n % 12)}.${String(n % 90_000).padStart(5, '0')}`;
    const paper: LibraryPaper = {
      id,
      site: 'huggingface',
      url: `https://huggingface.co/papers/${id}`,
      title: title[0]!.toUpperCase() + title.slice(1),
      authors: Array.from({ length: 5 }, (_, i) => `Author ${(n * 7 + i) % 97} Family${(n + i) % 1000}`),
      abstract: Array.from({ length: 180 }, () => pick(WORDS)).join(' '),
      topics: [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(TOPIC_IDS)))],
      benchmarks: [...new Set(Array.from({ length: Math.floor(next() * 5) }, () => pick(BENCHMARKS)))],
      savedAt,
      updatedAt: savedAt,
    };
    if (n % 3 === 0) paper.tags = n % 2 ? ['to-read'] : ['rlhf', 'to-read'];
    if (n % 4 === 0) paper.readAt = savedAt + 1_000;
    if (n % 10 === 0) {
      paper.note = `Compare with ${pick(WORDS)} ${pick(WORDS)}; see table ${n % 7}.`;
      const exact = paper.abstract.slice(0, 60);
      highlights.push({
        id: `bench-${n}`,
        paperId: id,
        field: 'abstract',
        color: 'yellow',
        note: '',
        quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: paper.abstract.slice(60, 92) },
        position: { type: 'TextPositionSelector', start: 0, end: exact.length },
        createdAt: savedAt,
        updatedAt: savedAt,
      });
    }
    papers.push(paper);
  }
  return { papers, highlights };
}

/** Deterministic pseudo-random numbers (mulberry32), so every run benches the same library. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Topic ids of lib/extract/data/topics.tsv (listed, not imported: tsx cannot load the extractor's ?raw data). */
const TOPIC_IDS = [
  'reward-modeling', 'preference-optimization', 'math-reasoning', 'llm-reasoning', 'agents', 'ai-safety', 'hallucination',
  'evaluation', 'llm-as-judge', 'multimodal', 'reinforcement-learning', 'code-generation', 'computer-vision',
  'efficient-ml', 'pretraining-scaling', 'retrieval-augmented',
];

const WORDS = (
  'reward model preference optimization agents benchmark reasoning math scaling diffusion vision ' +
  'language retrieval alignment safety robust efficient sparse transformer attention tokens judge evaluation ' +
  'policy learning planning search graph code generation translation speech multimodal calibration data'
).split(' ');
const BENCHMARKS = Array.from({ length: 300 }, (_, i) =>
  i < 20 ? ['GSM8K', 'MMLU', 'MATH', 'HumanEval', 'RewardBench'][i % 5]! + (i < 5 ? '' : `-${i}`) : `Bench${i}`,
);

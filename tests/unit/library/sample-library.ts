import type { LibraryPaper, StoredHighlight } from '../../../lib/db/schema';

/**
 * A small library with the awkward cases exports must survive: TeX and Markdown characters in titles,
 * commas, quotes and line breaks in notes, accented and one-word author names, old-style and DOI ids, a
 * paper without abstract or date, tags with spaces.
 */
export const SAMPLE_PAPERS: LibraryPaper[] = [
  {
    id: '2401.01234',
    site: 'arxiv',
    url: 'https://arxiv.org/abs/2401.01234',
    title: 'Scaling $\\mathcal{O}(n)$ Reward Models: 50% & more_{fast} #1 {braces}',
    authors: ['Ada Lovelace', 'Ludwig van Beethoven', 'Zoë Ñúñez-García', 'DeepSeek-AI'],
    abstract: 'We train reward models.\nResults on GSM8K improve by 3%.',
    topics: ['reward-modeling', 'math-reasoning'],
    benchmarks: ['GSM8K', 'RewardBench'],
    published: '2024-01-15',
    savedAt: Date.UTC(2026, 8, 1),
    updatedAt: Date.UTC(2026, 8, 3),
    tags: ['rlhf', 'to read'],
    note: 'Key idea: "pairwise", not pointwise.\nSee §3, Table 2, then compare, later.',
    readAt: Date.UTC(2026, 8, 2),
  },
  {
    id: '2401.01235',
    site: 'huggingface',
    url: 'https://huggingface.co/papers/2401.01235',
    title: 'Scaling Agents [that] *browse* <the> web | fast',
    authors: ['Ada Lovelace'],
    abstract: 'Agents on WebArena, with a comma, and "quotes".',
    topics: ['agents'],
    benchmarks: ['WebArena'],
    savedAt: Date.UTC(2026, 8, 5),
    updatedAt: Date.UTC(2026, 8, 5),
  },
  {
    id: 'hep-th/9901001',
    site: 'arxiv',
    url: 'https://arxiv.org/abs/hep-th/9901001',
    title: 'An old-style identifier',
    authors: ['Edward Witten'],
    abstract: '',
    topics: [],
    benchmarks: [],
    savedAt: Date.UTC(2026, 8, 6),
    updatedAt: Date.UTC(2026, 8, 6),
    note: '=SUM(A1:A9) looks like a formula',
  },
  {
    id: 'doi:10.1145/3292500.3330701',
    site: 'acl',
    url: 'https://doi.org/10.1145/3292500.3330701',
    title: 'A paper known by its DOI',
    authors: [],
    abstract: 'No arXiv id here.',
    topics: ['evaluation'],
    benchmarks: [],
    savedAt: Date.UTC(2026, 8, 7),
    updatedAt: Date.UTC(2026, 8, 7),
    tags: ['survey'],
  },
];

export const SAMPLE_HIGHLIGHTS: StoredHighlight[] = [
  {
    id: 'h-1',
    paperId: '2401.01234',
    field: 'abstract',
    color: 'green',
    note: 'the *main* claim\nworth checking',
    quote: { type: 'TextQuoteSelector', exact: 'Results on GSM8K improve by 3%.', prefix: 'We train reward models.\n', suffix: '' },
    position: { type: 'TextPositionSelector', start: 24, end: 55 },
    createdAt: Date.UTC(2026, 8, 2),
    updatedAt: Date.UTC(2026, 8, 2),
  },
  {
    id: 'h-2',
    paperId: '2401.01234',
    field: 'title',
    color: 'yellow',
    note: '',
    quote: { type: 'TextQuoteSelector', exact: 'Reward Models', prefix: 'Scaling $\\mathcal{O}(n)$ ', suffix: ': 50% & more' },
    position: { type: 'TextPositionSelector', start: 26, end: 39 },
    createdAt: Date.UTC(2026, 8, 3),
    updatedAt: Date.UTC(2026, 8, 3),
  },
];

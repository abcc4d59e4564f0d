// The extractor's data files, bundled as text by Vite (`?raw`): the TSVs are the one source of truth for
// the content script, the popup, vitest and the CLI (lib/extract/cli.mjs bundles this module with Vite).
import benchmarksTsv from './data/benchmarks.tsv?raw';
import notBenchmarksText from './data/not-benchmarks.txt?raw';
import topicKeywordsTsv from './data/topic-keywords.tsv?raw';
import topicsTsv from './data/topics.tsv?raw';

export { benchmarksTsv, notBenchmarksText, topicKeywordsTsv, topicsTsv };

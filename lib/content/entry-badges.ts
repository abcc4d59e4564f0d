/** From what the extractor found in one entry to the badges its row shows. */
import type { BadgeData } from '../../components/badges/types';
import type { BenchmarkMention, Extraction, TopicMention } from '../extract/types';

/**
 * Order: the strongest two topics (the gist), then benchmarks (catalogue ones before discovered ones,
 * as the extractor lists them), then any further topics. With five shown, a paper with many benchmarks
 * still shows what it is about, and one with many topics still shows what it was evaluated on.
 */
export function badgesFor(extraction: Extraction): BadgeData[] {
  const topics = extraction.topics.map(topicBadge);
  const benchmarks = extraction.benchmarks.map(benchmarkBadge);
  return [...topics.slice(0, 2), ...benchmarks, ...topics.slice(2)];
}

function topicBadge(topic: TopicMention): BadgeData {
  return {
    kind: 'topic',
    value: topic.id,
    label: topic.label || topic.id,
    hover: joinLines([`Topic: ${topic.label || topic.id}`, topic.triggers.length > 0 && `Matched: ${quoteList(topic.triggers)}`]),
  };
}

function benchmarkBadge(benchmark: BenchmarkMention): BadgeData {
  return {
    kind: 'benchmark',
    value: benchmark.name,
    label: benchmark.name,
    discovered: benchmark.discovered,
    hover: joinLines([
      benchmark.discovered ? `New benchmark or dataset (not in the catalogue): ${benchmark.name}` : `Benchmark: ${benchmark.name}`,
      benchmark.area && `Area: ${benchmark.area}`,
      benchmark.matched.length > 0 && `Matched: ${quoteList(benchmark.matched)}`,
      ...benchmark.results.map((result) => `Reported: ${formatValue(result.value, result.unit)} (“${result.text}”)`),
    ]),
  };
}

function formatValue(value: number, unit: string): string {
  return `${value}${unit === '%' || unit === 'x' ? unit : unit ? ` ${unit}` : ''}`;
}

function quoteList(texts: string[]): string {
  return [...new Set(texts)].map((text) => `“${text}”`).join(', ');
}

function joinLines(lines: (string | false | undefined)[]): string {
  return lines.filter(Boolean).join('\n');
}

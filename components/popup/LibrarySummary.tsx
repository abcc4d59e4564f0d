import type { LibrarySummary as Summary } from '../../lib/messaging/protocol';
import { topicLabel } from '../../lib/extract';

/** The header: how many papers are saved, and which topics and benchmarks come up most among them. */
export function LibrarySummary({ summary }: { summary: Summary | undefined }) {
  return (
    <header class="summary">
      <h1 class="summary-count" aria-live="polite">
        {summary === undefined ? 'Saved papers' : savedPapersText(summary.count)}
      </h1>
      {summary && summary.count > 0 && (
        <div class="summary-facets">
          <FacetCounts
            title="Top topics"
            kind="topic"
            facets={summary.topTopics.map((topic) => ({ key: topic.id, label: topicLabel(topic.id), count: topic.count }))}
          />
          <FacetCounts
            title="Top benchmarks"
            kind="benchmark"
            facets={summary.topBenchmarks.map((benchmark) => ({ key: benchmark.name, label: benchmark.name, count: benchmark.count }))}
          />
        </div>
      )}
    </header>
  );
}

function savedPapersText(count: number): string {
  return `${count.toLocaleString('en')} saved ${count === 1 ? 'paper' : 'papers'}`;
}

function FacetCounts({
  title,
  kind,
  facets,
}: {
  title: string;
  kind: 'topic' | 'benchmark';
  facets: { key: string; label: string; count: number }[];
}) {
  return (
    <section class="facets" aria-label={title}>
      <h2 class="facets-title">{title}</h2>
      {facets.length === 0 && <p class="facets-none">none yet</p>}
      <ol class={`facet-list facet-list-${kind}`}>
        {facets.map((facet) => (
          <li key={facet.key} class="facet" data-facet-kind={kind} data-facet-value={facet.key}>
            <span class="facet-label" title={facet.label}>
              {facet.label}
            </span>
            <span class="facet-count" aria-label={`${facet.count} papers`}>
              {facet.count.toLocaleString('en')}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

import { topicLabel } from '../../lib/extract';
import type { LibrarySummary } from '../../lib/messaging/protocol';
import type { LibraryStats } from '../../lib/messaging/requests/library';
import type { QueryTerm } from '../../lib/library/query';
import { pure } from './pure';

/**
 * The at-a-glance picture: saved papers per topic (bars; a click filters by the topic), per week over the
 * last weeks (columns), and the most frequent benchmarks (a click filters by the benchmark). Plain HTML
 * bars, so the numbers are text that screen readers and tests can read.
 */
export const LibraryChart = pure(function LibraryChart({
  stats,
  summary,
  onFilter,
}: {
  stats: LibraryStats | undefined;
  summary: LibrarySummary | undefined;
  onFilter: (term: QueryTerm) => void;
}) {
  if (!stats || stats.total === 0) return null;
  const topTopic = Math.max(1, ...stats.topics.map((topic) => topic.count));
  const topWeek = Math.max(1, ...stats.weeks.map((week) => week.count));
  return (
    <section class="chart" aria-label="Saved papers at a glance" data-paperlight-chart="">
      <div class="chart-topics">
        <h2 class="chart-title">Per topic</h2>
        <ol class="chart-bars">
          {stats.topics.map((topic) => (
            <li key={topic.id}>
              <button
                type="button"
                class="chart-bar"
                data-facet-kind="topic"
                data-facet-value={topic.id}
                title={`Show the ${topic.count} papers about ${topicLabel(topic.id)}`}
                onClick={() => onFilter({ field: 'topic', value: topic.id, negated: false })}
              >
                <span class="chart-bar-label">{topicLabel(topic.id)}</span>
                <span class="chart-bar-fill" style={{ width: `${(100 * topic.count) / topTopic}%` }} aria-hidden="true" />
                <span class="chart-bar-count">{topic.count.toLocaleString('en')}</span>
              </button>
            </li>
          ))}
        </ol>
      </div>
      <div class="chart-weeks">
        <h2 class="chart-title">Per week</h2>
        <ol class="chart-columns" aria-label={`Papers saved in each of the last ${stats.weeks.length} weeks`}>
          {stats.weeks.map((week) => (
            <li key={week.start} title={`Week of ${week.start}: ${week.count} saved`} data-week={week.start} data-count={week.count}>
              <span class="chart-column" style={{ height: `${Math.round((100 * week.count) / topWeek)}%` }} />
              <span class="pl-visually-hidden">
                Week of {week.start}: {week.count}
              </span>
            </li>
          ))}
        </ol>
        {summary && summary.topBenchmarks.length > 0 && (
          <>
            <h2 class="chart-title">Top benchmarks</h2>
            <ul class="chart-benchmarks">
              {summary.topBenchmarks.map((benchmark) => (
                <li key={benchmark.name}>
                  <button
                    type="button"
                    class="chip"
                    data-facet-kind="benchmark"
                    data-facet-value={benchmark.name}
                    onClick={() => onFilter({ field: 'bench', value: benchmark.name, negated: false })}
                  >
                    {benchmark.name} <span class="chip-count">{benchmark.count}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
});

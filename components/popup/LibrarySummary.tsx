import type { LibrarySummary as Summary } from '../../lib/messaging/protocol';

/** How many papers are saved, and (while a search narrows the list) how many of them match. */
export function LibrarySummary({ summary, matching, query }: { summary: Summary | undefined; matching?: number; query: string }) {
  return (
    <h1 class="summary-count" aria-live="polite">
      {summary === undefined ? 'Saved papers' : savedPapersText(summary.count)}
      {summary && query && matching !== undefined && (
        <span class="summary-matching"> · {matching.toLocaleString('en')} matching</span>
      )}
    </h1>
  );
}

export function savedPapersText(count: number): string {
  return `${count.toLocaleString('en')} saved ${count === 1 ? 'paper' : 'papers'}`;
}

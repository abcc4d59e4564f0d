/** One badge as the badge row shows it (content-script UI and popup alike). */
export interface BadgeData {
  kind: 'benchmark' | 'topic';
  /** Canonical benchmark name or topic id: the `data-value` test hook. */
  value: string;
  /** What the badge reads: the benchmark name, or the topic's label. */
  label: string;
  /** Hover text: the matched words, reported results. */
  hover?: string;
  /** A benchmark found in the text but not in the catalogue ("new" style). */
  discovered?: boolean;
}

export interface BadgeRowProps {
  badges: BadgeData[];
  /** How many badges show before the rest fold behind "+N" (folded ones still render, hidden). */
  max?: number;
}

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

/**
 * Where a paper stands with the library, as one save toggle shows it. `saved` is the last state the
 * background confirmed (it drives aria-pressed); `status` adds what is going on right now.
 */
export interface SaveState {
  /** unknown: not asked yet (or the answer failed); pending: a save/remove is on its way; error: it failed. */
  status: 'unknown' | 'unsaved' | 'saved' | 'pending' | 'error';
  saved: boolean;
  /** Why the last save/remove failed (hover text of the toggle). */
  error?: string;
}

/**
 * What a badge row looks like, shared by its two builders: the popup's Preact component (./BadgeRow.tsx)
 * and the content script's plain-DOM row (./entry-bar.ts, built 2,000 times on a big listing).
 */
import type { BadgeData } from './types';

/** Badges shown before the rest fold behind "+N": enough to read at a glance, few enough to stay one line. */
export const DEFAULT_VISIBLE_BADGES = 5;

/** Topics are pills, catalogue benchmarks boxes, discovered ones dashed "new" boxes (styles.ts). */
export function badgeClass(badge: BadgeData): string {
  const variant = badge.kind === 'topic' ? 'pl-badge--topic' : `pl-badge--benchmark${badge.discovered ? ' pl-badge--new' : ''}`;
  return `pl-badge ${variant}`;
}

/** The "+N" button's hover text: what it unfolds, or how to fold it again. */
export function foldTitle(badges: readonly BadgeData[], max: number, expanded: boolean): string {
  return expanded ? 'Show fewer' : badges.slice(max).map((badge) => badge.label).join(', ');
}

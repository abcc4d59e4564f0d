import { useState } from 'preact/hooks';
import type { BadgeData, BadgeRowProps } from './types';

/** Badges shown before the rest fold behind "+N": enough to read at a glance, few enough to stay one line. */
export const DEFAULT_VISIBLE_BADGES = 5;

/**
 * A compact row of topic and benchmark badges. Badges past `max` are folded behind a "+N" button but
 * still rendered (hidden), so their hooks exist and the button only flips visibility.
 */
export function BadgeRow({ badges, max = DEFAULT_VISIBLE_BADGES }: BadgeRowProps) {
  const [expanded, setExpanded] = useState(false);
  if (badges.length === 0) return null;
  const folded = Math.max(0, badges.length - max);
  return (
    <ul class="pl-badges" aria-label="Topics and benchmarks">
      {badges.map((badge, index) => (
        <li key={`${badge.kind}:${badge.value}`} hidden={!expanded && index >= max}>
          <Badge badge={badge} />
        </li>
      ))}
      {folded > 0 && (
        <li>
          <button
            type="button"
            class="pl-button pl-more"
            aria-expanded={expanded ? 'true' : 'false'}
            title={expanded ? 'Show fewer' : badges.slice(max).map((badge) => badge.label).join(', ')}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? (
              'fewer'
            ) : (
              <>
                +{folded}
                <span class="pl-visually-hidden"> more</span>
              </>
            )}
          </button>
        </li>
      )}
    </ul>
  );
}

function Badge({ badge }: { badge: BadgeData }) {
  const variant = badge.kind === 'topic' ? 'pl-badge--topic' : `pl-badge--benchmark${badge.discovered ? ' pl-badge--new' : ''}`;
  return (
    <span
      class={`pl-badge ${variant}`}
      data-paperlight-badge=""
      data-kind={badge.kind}
      data-value={badge.value}
      data-discovered={badge.discovered ? 'true' : undefined}
      title={badge.hover}
    >
      {badge.label}
    </span>
  );
}

import { useState } from 'preact/hooks';
import { badgeClass, DEFAULT_VISIBLE_BADGES, foldTitle } from './badge-markup';
import type { BadgeData, BadgeRowProps } from './types';

export { DEFAULT_VISIBLE_BADGES };

/**
 * A compact row of topic and benchmark badges (the popup's; the content script builds the same markup
 * without Preact, ./entry-bar.ts). Badges past `max` are folded behind a "+N" button but
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
            title={foldTitle(badges, max, expanded)}
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
  return (
    <span
      class={badgeClass(badge)}
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

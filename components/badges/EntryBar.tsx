import { BadgeRow } from './BadgeRow';
import { SaveToggle } from './SaveToggle';
import type { BadgeData, SaveToggleProps } from './types';

export interface EntryBarProps extends SaveToggleProps {
  badges: BadgeData[];
  maxBadges?: number;
}

/** What Paperlight adds under one paper entry: the save toggle, then the badge row. */
export function EntryBar({ badges, maxBadges, ...toggle }: EntryBarProps) {
  return (
    <div class="pl-root">
      <SaveToggle {...toggle} />
      <BadgeRow badges={badges} max={maxBadges} />
    </div>
  );
}

export { BadgeRow, DEFAULT_VISIBLE_BADGES } from './BadgeRow';
export { EntryBar, type EntryBarProps } from './EntryBar';
export { SaveToggle } from './SaveToggle';
export { badgeCss, installBadgeStylesheet, shadowRootCss } from './styles';
export type * from './types';

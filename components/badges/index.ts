export { DEFAULT_VISIBLE_BADGES } from './badge-markup';
export { BadgeRow } from './BadgeRow';
export { BadgeRowView, EntryBar, SaveToggle, saveToggleText, type EntryBarContent } from './entry-bar';
export { badgeCss, installBadgeStylesheet, shadowRootCss } from './styles';
export type * from './types';

/**
 * The highlight palette: a few colours, stored by name. The names are what the store keeps and what the
 * toolbar's buttons carry (`data-color`); the paint is translucent so the page's text colour stays readable
 * on light and dark pages alike, and overlapping highlights show darker where they overlap.
 */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** What the keyboard shortcut uses, and what an unknown stored name is shown as. */
export const DEFAULT_HIGHLIGHT_COLOR: HighlightColor = 'yellow';

export const COLOR_LABELS: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};

/** Background of a painted highlight (and of the swatches that stand for it). */
export const COLOR_PAINT: Record<HighlightColor, string> = {
  yellow: 'rgba(250, 204, 21, 0.45)',
  green: 'rgba(74, 222, 128, 0.4)',
  blue: 'rgba(96, 165, 250, 0.4)',
  pink: 'rgba(244, 114, 182, 0.4)',
  purple: 'rgba(167, 139, 250, 0.45)',
};

export function isHighlightColor(name: unknown): name is HighlightColor {
  return typeof name === 'string' && (HIGHLIGHT_COLORS as readonly string[]).includes(name);
}

/** The colour to paint a stored name with (an unknown name, from a newer version or an import: the default). */
export function paintableColor(name: string): HighlightColor {
  return isHighlightColor(name) ? name : DEFAULT_HIGHLIGHT_COLOR;
}

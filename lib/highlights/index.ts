/**
 * Highlight anchoring (issue 5), pure: no messaging, no storage, nothing painted. Read a field's text
 * (`readTextMap`), describe a selection as selectors (`describeRange`), and find the selectors again in the
 * same or another rendering of the text (`anchorInText`), then reach the DOM behind it (`piecesOf`).
 */
export { anchorInText, CONTEXT_LENGTH, describeRange, describeSpan, spanOfRange } from './anchor';
export type { HighlightSelectors, TextAnchor, TextPositionSelector, TextQuoteSelector } from './anchor';
export { COLOR_LABELS, COLOR_PAINT, DEFAULT_HIGHLIGHT_COLOR, HIGHLIGHT_COLORS, isHighlightColor, paintableColor } from './colors';
export type { HighlightColor } from './colors';
export { comparisonKey } from './comparison-key';
export { matchQuote } from './match-quote';
export { domRangeOf, indexAtPoint, piecesOf, readTextMap } from './text-map';
export type { DomPiece, TextMap, TextMapOptions, TextSegment } from './text-map';

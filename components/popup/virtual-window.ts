/**
 * Which rows of a virtualised list to render, by arithmetic: every row is `rowHeight` high except at most
 * one expanded row (a paper's details), whose measured height is `expanded.height`.
 */
export interface RowRange {
  /** First row index rendered. */
  start: number;
  /** One past the last row index rendered. */
  end: number;
}

export interface ExpandedRow {
  index: number;
  height: number;
}

interface Layout {
  rowHeight: number;
  expanded?: ExpandedRow | undefined;
}

/** Where row `index` starts. */
export function rowTop(index: number, { rowHeight, expanded }: Layout): number {
  const extra = expanded && index > expanded.index ? Math.max(0, expanded.height - rowHeight) : 0;
  return index * rowHeight + extra;
}

/** The height of the whole list. */
export function listHeight(total: number, layout: Layout): number {
  return total === 0 ? 0 : rowTop(total - 1, layout) + rowHeightAt(total - 1, layout);
}

function rowHeightAt(index: number, { rowHeight, expanded }: Layout): number {
  return expanded && expanded.index === index ? Math.max(rowHeight, expanded.height) : rowHeight;
}

/** The row at vertical position `y`. */
export function rowAt(y: number, { rowHeight, expanded }: Layout): number {
  if (!expanded) return Math.floor(y / rowHeight);
  const expandedTop = expanded.index * rowHeight;
  const expandedHeight = Math.max(rowHeight, expanded.height);
  if (y < expandedTop) return Math.floor(y / rowHeight);
  if (y < expandedTop + expandedHeight) return expanded.index;
  return expanded.index + 1 + Math.floor((y - expandedTop - expandedHeight) / rowHeight);
}

export function rowsInView({
  scrollTop,
  viewportHeight,
  rowHeight,
  total,
  overscan,
  expanded,
}: {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  total: number;
  overscan: number;
  expanded?: ExpandedRow | undefined;
}): RowRange {
  const layout = { rowHeight, expanded };
  const top = Math.max(0, scrollTop);
  const first = rowAt(top, layout);
  const last = rowAt(top + viewportHeight, layout);
  return { start: clamp(first - overscan, 0, total), end: clamp(last + 1 + overscan, 0, total) };
}

/** The page numbers (of `pageSize` rows) that hold rows start..end-1. */
export function pagesOf({ start, end }: RowRange, pageSize: number): number[] {
  if (end <= start) return [];
  const pages: number[] = [];
  for (let page = Math.floor(start / pageSize); page <= Math.floor((end - 1) / pageSize); page++) pages.push(page);
  return pages;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

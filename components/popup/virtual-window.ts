/** Which rows of a fixed-row-height list to render: those in view plus `overscan` either side. */
export interface RowRange {
  /** First row index rendered. */
  start: number;
  /** One past the last row index rendered. */
  end: number;
}

export function rowsInView({
  scrollTop,
  viewportHeight,
  rowHeight,
  total,
  overscan,
}: {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  total: number;
  overscan: number;
}): RowRange {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const inView = Math.ceil(viewportHeight / rowHeight) + 1;
  return { start: clamp(first - overscan, 0, total), end: clamp(first + inView + overscan, 0, total) };
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

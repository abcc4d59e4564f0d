import { describe, expect, it } from 'vitest';
import { listHeight, pagesOf, rowAt, rowsInView, rowTop } from '../../../components/popup/virtual-window';

describe('rowsInView', () => {
  const base = { viewportHeight: 400, rowHeight: 50, overscan: 2 };
  it.each([
    ['top of a long list', { scrollTop: 0, total: 10_000 }, { start: 0, end: 11 }],
    ['scrolled to row 100', { scrollTop: 5_000, total: 10_000 }, { start: 98, end: 111 }],
    ['half a row scrolled', { scrollTop: 5_025, total: 10_000 }, { start: 98, end: 111 }],
    ['bottom of the list', { scrollTop: 499_600, total: 10_000 }, { start: 9_990, end: 10_000 }],
    ['shorter than the viewport', { scrollTop: 0, total: 3 }, { start: 0, end: 3 }],
    ['empty', { scrollTop: 0, total: 0 }, { start: 0, end: 0 }],
    ['overscrolled (rubber band)', { scrollTop: -30, total: 100 }, { start: 0, end: 11 }],
  ])('%s', (_name, given, expected) => {
    expect(rowsInView({ ...base, ...given })).toEqual(expected);
  });
});

describe('pagesOf', () => {
  it.each([
    [{ start: 0, end: 11 }, [0]],
    [{ start: 45, end: 55 }, [0, 1]],
    [{ start: 50, end: 100 }, [1]],
    [{ start: 98, end: 151 }, [1, 2, 3]],
    [{ start: 0, end: 0 }, []],
  ])('%j → %j', (range, pages) => {
    expect(pagesOf(range, 50)).toEqual(pages);
  });
});

describe('one expanded row', () => {
  const layout = { rowHeight: 50, expanded: { index: 10, height: 300 } };

  it('pushes the rows below it down by its extra height', () => {
    expect(rowTop(9, layout)).toBe(450);
    expect(rowTop(10, layout)).toBe(500);
    expect(rowTop(11, layout)).toBe(800);
    expect(listHeight(100, layout)).toBe(100 * 50 + 250);
    expect(listHeight(0, layout)).toBe(0);
  });

  it.each([
    [0, 0],
    [499, 9],
    [500, 10],
    [799, 10],
    [800, 11],
    [850, 12],
  ])('the row at y=%i is %i', (y, index) => {
    expect(rowAt(y, layout)).toBe(index);
  });

  it('renders the rows in view around it', () => {
    expect(rowsInView({ scrollTop: 500, viewportHeight: 400, rowHeight: 50, total: 1_000, overscan: 2, expanded: layout.expanded })).toEqual({
      start: 8,
      end: 16, // y 500..900: rows 10 (300 high), 11, 12 and 13 (starting at 900, as in a plain list); then overscan
    });
  });

  it('behaves as a plain list when the expanded row is no taller than the others', () => {
    const plain = rowsInView({ scrollTop: 5_000, viewportHeight: 400, rowHeight: 50, total: 10_000, overscan: 2 });
    expect(rowsInView({ scrollTop: 5_000, viewportHeight: 400, rowHeight: 50, total: 10_000, overscan: 2, expanded: { index: 3, height: 20 } })).toEqual(plain);
  });
});

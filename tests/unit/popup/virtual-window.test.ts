import { describe, expect, it } from 'vitest';
import { pagesOf, rowsInView } from '../../../components/popup/virtual-window';

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

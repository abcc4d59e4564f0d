import { describe, expect, it } from 'vitest';
import { decodeRow, encodeRecord, highlightRecord, paperRecord, plainPaper, sameHighlight, samePaper, tombstone } from '../../../lib/sync/records';

const T = Date.UTC(2026, 8, 28, 12, 30);

describe('sync records', () => {
  const paper = paperRecord({
    id: '2609.31620',
    savedAt: T - 1000,
    updatedAt: T,
    read: true,
    readAt: T - 500,
    tags: { 'reading group': T - 900, 'with|bar': T - 800 },
    dropped: { 'old tag': T - 100 },
    removedAt: T - 2000,
    details: { title: 'FuseReg: Regularizing Layer Fusion', topics: ['generative-models', 'computer-vision'], benchmarks: ['ImageNet', 'FID 50K'] },
  });
  const highlight = highlightRecord({
    id: 'b3c1e2a4-0000-4000-8000-000000000001',
    paperId: 'doi:10.1145/3366423.3380130',
    field: 'title',
    color: 'green',
    note: 'Key claim — "quoted", with a newline\nand unicode ✓',
    quote: { exact: 'Layer Fusion', prefix: 'FuseReg: Regularizing ', suffix: ' Mitigates' },
    position: { start: 22, end: 34 },
    createdAt: T - 5000,
    updatedAt: T,
  });

  it.each([
    ['a paper with details', paper, true],
    ['a paper, compact', paper, false],
    ['a highlight', highlight, true],
    ['a paper tombstone', tombstone('phep-th/9901001', T)!, true],
    ['a highlight tombstone', tombstone('hxyz', T)!, true],
  ])('round-trips %s', (_name, record, withDetails) => {
    const row = JSON.parse(JSON.stringify(encodeRecord(record, withDetails)));
    const decoded = decodeRow(row);
    if (!withDetails && !record.removed && record.kind === 'paper') {
      const { details: _details, ...compact } = record.paper;
      expect(decoded).toEqual(paperRecord(compact));
    } else {
      expect(decoded).toEqual(record);
    }
  });

  it('keeps a compact paper row short', () => {
    const compact = JSON.stringify(encodeRecord(paperRecord({ id: '2609.31620', savedAt: T, updatedAt: T, tags: {}, dropped: {}, read: false, readAt: 0, removedAt: 0 }), false));
    expect(compact).toBe(`["p2609.31620","${T.toString(36)}","${T.toString(36)}","",0,"","",""]`);
    expect(compact.length).toBeLessThan(55);
  });

  it.each([
    ['not an array', { key: 'p1' }],
    ['no key', [1, 'abc']],
    ['unknown kind', ['x123', 'abc']],
    ['bad time', ['p2609.31620', 'NOT-A-TIME']],
    ['negative offset', ['hid', 'abc', 'p', 'a', 'yellow', '', 'q', '', '', -1, 3, 'abc']],
    ['end before start', ['hid', 'abc', 'p', 'a', 'yellow', '', 'q', '', '', 5, 3, 'abc']],
    ['bad field', ['hid', 'abc', 'p', 'x', 'yellow', '', 'q', '', '', 1, 3, 'abc']],
    ['read not 0/1', ['p2609.31620', 'abc', 'abc', '', true, '', '', '']],
    ['tags not a string', ['p2609.31620', 'abc', 'abc', ['a'], 0, '', '', '']],
    ['a tag without its time', ['p2609.31620', 'abc', 'abc', 'to-read', 0, '', '', '']],
    ['a bad read time', ['p2609.31620', 'abc', 'abc', '', 1, 'NOPE!', '', '']],
    ['no removal time', ['p2609.31620', 'abc', 'abc', '', 1, '', '']],
    ['key too short', ['p', 'abc']],
  ])('refuses a row with %s', (_name, row) => {
    expect(decodeRow(row)).toBeUndefined();
  });

  it('compares what the library shows, not times or details', () => {
    if (paper.removed || paper.kind !== 'paper') throw new Error('a paper record');
    const shown = plainPaper(paper.paper);
    expect(shown).toMatchObject({ tags: ['reading group', 'with|bar'], read: true, details: { title: 'FuseReg: Regularizing Layer Fusion' } });
    expect(samePaper(shown, { tags: [...shown.tags], read: true })).toBe(true);
    expect(samePaper(shown, { ...shown, tags: ['other'] })).toBe(false);
    expect(samePaper(shown, { ...shown, read: false })).toBe(false);
    if (highlight.removed || highlight.kind !== 'highlight') throw new Error('a highlight record');
    expect(sameHighlight(highlight.highlight, { ...highlight.highlight, updatedAt: T + 9 })).toBe(true);
    expect(sameHighlight(highlight.highlight, { ...highlight.highlight, color: 'blue' })).toBe(false);
  });
});

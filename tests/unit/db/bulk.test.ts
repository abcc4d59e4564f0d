import { describe, expect, it } from 'vitest';
import { facetsOf, getSavedPapers, mergeLibraryRecords, readDigest, savePaper, type LibraryPaper } from '../../../lib/db';
import { databasePerTest } from './test-db';
import { arxivId, paperToSave, savedPaper } from './make-paper';

const openDb = databasePerTest();

/**
 * The bulk paths of lib/db/bulk.ts: many requests per transaction without a promise each. A restore of more
 * than a few dozen records lists the store's keys first and reads only the records it has.
 */
describe('merging many records (restore)', () => {
  it('reads the stored version of each incoming paper it has, and writes added and updated ones with their digest', async () => {
    const db = await openDb();
    // Stored: 1-60. Incoming: 1-20 older than stored, 21-40 newer, 41-60 identical, 61-120 new; 61 twice.
    const stored = Array.from({ length: 60 }, (_, i) => savedPaper(arxivId(i + 1), 1_000, { updatedAt: 5_000, tags: ['stored'] }));
    await mergeLibraryRecords(db, { papers: stored, highlights: [] });
    const incoming: LibraryPaper[] = [
      ...stored.slice(0, 20).map((paper) => ({ ...paper, updatedAt: 4_000, tags: ['older'] })),
      ...stored.slice(20, 40).map((paper) => ({ ...paper, updatedAt: 6_000, tags: ['newer'] })),
      ...stored.slice(40, 60),
      ...Array.from({ length: 60 }, (_, i) => savedPaper(arxivId(i + 61), 2_000, { tags: ['new'] })),
      savedPaper(arxivId(61), 2_000, { updatedAt: 3_000, tags: ['again', 'new'] }),
    ];

    const outcome = await mergeLibraryRecords(db, { papers: incoming, highlights: [] });
    expect([outcome.papers.added.length, outcome.papers.updated.length, outcome.papers.unchanged]).toEqual([60, 20, 40]);
    const all = await getSavedPapers(db, Array.from({ length: 120 }, (_, i) => arxivId(i + 1)));
    expect(all.map((paper) => paper.tags![0])).toEqual([
      ...new Array(20).fill('stored'),
      ...new Array(20).fill('newer'),
      ...new Array(20).fill('stored'),
      'again', // 61: of its two incoming copies, the later edit
      ...new Array(59).fill('new'),
    ]);
    expect(all[60]!.tags).toEqual(['again', 'new']);
    expect((await readDigest(db)).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(all.map(facetsOf));
  });

  it('writes nothing when one record cannot be stored', async () => {
    const db = await openDb();
    await savePaper(db, paperToSave(arxivId(1)), 1);
    const papers = Array.from({ length: 80 }, (_, i) => savedPaper(arxivId(i + 2), 2));
    const broken = { ...savedPaper(arxivId(999), 2), note: (() => 'not storable') as unknown as string };
    await expect(mergeLibraryRecords(db, { papers: [...papers, broken], highlights: [] })).rejects.toThrow();
    expect((await getSavedPapers(db, [arxivId(1), arxivId(2), arxivId(81)])).map((paper) => paper.id)).toEqual([arxivId(1)]);
    expect(await readDigest(db)).toHaveLength(1);
  });
});

describe('getSavedPapers', () => {
  it('answers in the order asked, skipping ids not saved, repeated ids repeated', async () => {
    const db = await openDb();
    for (const n of [1, 2, 3]) await savePaper(db, paperToSave(arxivId(n)), n);
    const ids = [arxivId(3), 'doi:10.1/none', arxivId(1), arxivId(3)];
    expect((await getSavedPapers(db, ids)).map((paper) => paper.id)).toEqual([arxivId(3), arxivId(1), arxivId(3)]);
    expect(await getSavedPapers(db, [])).toEqual([]);
  });
});

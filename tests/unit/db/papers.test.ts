import { describe, expect, it } from 'vitest';
import {
  countSavedPapers,
  getSavedPaper,
  getSavedPapers,
  listNewestSavedPapers,
  removePaper,
  savePaper,
  savedIdsAmong,
} from '../../../lib/db';
import { inTransaction } from '../../../lib/db/transaction';
import { databasePerTest } from './test-db';
import { arxivId, paperToSave, savedPaper } from './make-paper';

const openDb = databasePerTest();

describe('savePaper', () => {
  it('stores a new paper with savedAt and updatedAt set to now', async () => {
    const db = await openDb();
    const saved = await savePaper(db, paperToSave('2401.00001'), 1000);
    expect(saved).toEqual({ ...paperToSave('2401.00001'), savedAt: 1000, updatedAt: 1000 });
    expect(await getSavedPaper(db, '2401.00001')).toEqual(saved);
  });

  it('is idempotent: saving the same paper again keeps the record as it was', async () => {
    const db = await openDb();
    const first = await savePaper(db, paperToSave('2401.00001'), 1000);
    const second = await savePaper(db, paperToSave('2401.00001'), 5000);
    expect(second).toEqual(first);
    expect(await getSavedPaper(db, '2401.00001')).toEqual(first);
    expect(await countSavedPapers(db)).toBe(1);
  });

  it('takes changes from a re-save but keeps the first savedAt', async () => {
    const db = await openDb();
    await savePaper(db, paperToSave('2401.00001'), 1000);
    const resaved = await savePaper(db, paperToSave('2401.00001', { title: 'Corrected title', topics: ['agents'] }), 5000);
    expect(resaved).toMatchObject({ title: 'Corrected title', topics: ['agents'], savedAt: 1000, updatedAt: 5000 });
  });

  it('never lets a page that shows less erase what a fuller page stored', async () => {
    const db = await openDb();
    const full = paperToSave('2401.00001', { abstract: 'A long abstract about GSM8K and MATH.', benchmarks: ['GSM8K', 'MATH'] });
    await savePaper(db, { ...full, published: '2024-01-02' }, 1000);
    // A search result: shortened abstract, no authors, no date, fewer extracted benchmarks.
    const sparse = paperToSave('2401.00001', { abstract: 'A long abstract…', authors: [], benchmarks: ['GSM8K'] });
    const stored = await savePaper(db, sparse, 2000);
    expect(stored).toMatchObject({
      abstract: full.abstract,
      benchmarks: ['GSM8K', 'MATH'],
      authors: full.authors,
      published: '2024-01-02',
    });
  });

  it('keeps fields added by later features (tags, notes) on re-save', async () => {
    const db = await openDb();
    await db.put('papers', { ...savedPaper('2401.00001', 1000), tags: ['to-read'] } as never);
    await savePaper(db, paperToSave('2401.00001', { title: 'New title' }), 2000);
    expect(await getSavedPaper(db, '2401.00001')).toMatchObject({ title: 'New title', tags: ['to-read'] });
  });
});

describe('removePaper', () => {
  it('removes a saved paper and says whether there was one', async () => {
    const db = await openDb();
    await savePaper(db, paperToSave('2401.00001'), 1000);
    await savePaper(db, paperToSave('2401.00002'), 1000);
    expect(await removePaper(db, '2401.00001')).toBe(true);
    expect(await removePaper(db, '2401.00001')).toBe(false);
    expect(await getSavedPaper(db, '2401.00001')).toBeUndefined();
    expect(await getSavedPaper(db, '2401.00002')).toBeDefined();
  });
});

describe('savedIdsAmong', () => {
  it('returns the saved ones, each once, in the order asked', async () => {
    const db = await openDb();
    for (const id of ['2401.00001', '2401.00003']) await savePaper(db, paperToSave(id), 1000);
    expect(await savedIdsAmong(db, ['2401.00003', '2401.00002', '2401.00001', '2401.00003'])).toEqual([
      '2401.00003',
      '2401.00001',
    ]);
    expect(await savedIdsAmong(db, [])).toEqual([]);
  });
});

describe('listNewestSavedPapers', () => {
  it('pages newest first, ties broken by id (the order of the savedAt index walked backwards)', async () => {
    const db = await openDb();
    const times = [5, 1, 9, 5, 3, 9, 7];
    for (const [i, savedAt] of times.entries()) await savePaper(db, paperToSave(arxivId(i + 1)), savedAt);
    const expected = ['2401.00006', '2401.00003', '2401.00007', '2401.00004', '2401.00001', '2401.00005', '2401.00002'];

    const all = await listNewestSavedPapers(db, { offset: 0, limit: 100 });
    expect(all.total).toBe(7);
    expect(all.items.map((p) => p.id)).toEqual(expected);

    const middle = await listNewestSavedPapers(db, { offset: 2, limit: 3 });
    expect(middle).toMatchObject({ total: 7 });
    expect(middle.items.map((p) => p.id)).toEqual(expected.slice(2, 5));
    expect((await listNewestSavedPapers(db, { offset: 7, limit: 3 })).items).toEqual([]);
  });
});

describe('getSavedPapers', () => {
  it('gets records by id in the order asked, skipping ids not saved', async () => {
    const db = await openDb();
    for (const n of [1, 2, 3]) await savePaper(db, paperToSave(arxivId(n)), n);
    const papers = await getSavedPapers(db, [arxivId(3), arxivId(9), arxivId(1)]);
    expect(papers.map((p) => p.id)).toEqual([arxivId(3), arxivId(1)]);
  });
});

describe('indexes', () => {
  it('finds papers by any of their topics and benchmarks', async () => {
    const db = await openDb();
    await savePaper(db, paperToSave('2401.00001', { topics: ['agents', 'evaluation'], benchmarks: ['WebArena'] }), 1);
    await savePaper(db, paperToSave('2401.00002', { topics: ['evaluation'], benchmarks: ['MMLU', 'WebArena'] }), 2);
    expect(await db.getAllKeysFromIndex('papers', 'by-topic', 'evaluation')).toEqual(['2401.00001', '2401.00002']);
    expect(await db.getAllKeysFromIndex('papers', 'by-topic', 'agents')).toEqual(['2401.00001']);
    expect(await db.countFromIndex('papers', 'by-benchmark', 'WebArena')).toBe(2);
  });
});

describe('inTransaction', () => {
  it('writes nothing when the work fails midway', async () => {
    const db = await openDb();
    const failing = inTransaction(db, ['papers'], 'readwrite', async (tx) => {
      await tx.objectStore('papers').put(savedPaper('2401.00001', 1));
      throw new Error('boom after the first write');
    });
    await expect(failing).rejects.toThrow('boom');
    expect(await countSavedPapers(db)).toBe(0);
  });

  it('reports a request that fails (constraint) and writes nothing of the transaction', async () => {
    const db = await openDb();
    await savePaper(db, paperToSave('2401.00001'), 1);
    const failing = inTransaction(db, ['papers'], 'readwrite', async (tx) => {
      await tx.objectStore('papers').put(savedPaper('2401.00002', 2));
      await tx.objectStore('papers').add(savedPaper('2401.00001', 3)); // key exists: ConstraintError
    });
    await expect(failing).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await db.getAllKeys('papers')).toEqual(['2401.00001']);
  });
});

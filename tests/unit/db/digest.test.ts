import { describe, expect, it } from 'vitest';
import {
  DIGEST_CHUNKS,
  digestChunkOf,
  facetsOf,
  readDigest,
  removePaper,
  savePaper,
  type PaperFacets,
  type PaperlightDb,
} from '../../../lib/db';
import { databasePerTest } from './test-db';
import { arxivId, paperToSave } from './make-paper';

const openDb = databasePerTest();

const byId = (a: PaperFacets, b: PaperFacets) => (a.id < b.id ? -1 : 1);

/** The truth the digest must match: the facets of every record in the papers store. */
async function facetsOfStoredPapers(db: PaperlightDb): Promise<PaperFacets[]> {
  return (await db.getAll('papers')).map(facetsOf).sort(byId);
}

describe('digest', () => {
  it('follows every save, re-save and removal', async () => {
    const db = await openDb();
    for (let n = 1; n <= 40; n++) await savePaper(db, paperToSave(arxivId(n), { title: `Title ${n}` }), n);
    await savePaper(db, paperToSave(arxivId(7), { title: 'Retitled', topics: ['agents'], benchmarks: [] }), 100);
    await savePaper(db, paperToSave(arxivId(8), { title: 'Title 8' }), 100); // unchanged: nothing written
    for (const n of [3, 9, 27]) await removePaper(db, arxivId(n));
    await removePaper(db, arxivId(3));

    const digest = (await readDigest(db)).sort(byId);
    expect(digest).toHaveLength(37);
    expect(digest).toEqual(await facetsOfStoredPapers(db));
    expect(digest.find((paper) => paper.id === arxivId(7))).toEqual({
      id: arxivId(7),
      savedAt: 7,
      updatedAt: 100,
      title: 'Retitled',
      authors: ['Ada Lovelace', 'Alan Turing'],
      topics: ['agents'],
      benchmarks: [],
      tags: [],
      note: '',
    });
  });

  it('keeps no abstract or other field beyond the facets', async () => {
    const db = await openDb();
    await savePaper(db, paperToSave(arxivId(1)), 1);
    const rows = (await db.getAll('digest')).flatMap((chunk) => chunk.papers);
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!).sort()).toEqual(['authors', 'benchmarks', 'id', 'note', 'savedAt', 'tags', 'title', 'topics', 'updatedAt']);
  });

  it('spreads papers over the chunks', async () => {
    const counts = new Array<number>(DIGEST_CHUNKS).fill(0);
    for (let n = 0; n < 100 * DIGEST_CHUNKS; n++) counts[digestChunkOf(arxivId(n))]!++;
    expect(Math.min(...counts)).toBeGreaterThan(50);
    expect(Math.max(...counts)).toBeLessThan(150);
    for (const id of ['hep-th/9901001', 'doi:10.1145/3292500', arxivId(1)]) {
      expect(digestChunkOf(id)).toBe(digestChunkOf(id));
      expect(digestChunkOf(id)).toBeGreaterThanOrEqual(0);
      expect(digestChunkOf(id)).toBeLessThan(DIGEST_CHUNKS);
    }
  });

  it('is rebuilt from the papers when it disagrees with them', async () => {
    const db = await openDb();
    for (let n = 1; n <= 12; n++) await savePaper(db, paperToSave(arxivId(n)), n);
    // As if a writer had bypassed lib/db/papers.ts: a paper without its digest row, a chunk lost.
    await db.put('papers', { ...paperToSave(arxivId(99)), savedAt: 99, updatedAt: 99 });
    await db.delete('digest', digestChunkOf(arxivId(1)));

    expect((await readDigest(db)).sort(byId)).toEqual(await facetsOfStoredPapers(db));
    expect(await db.count('digest')).toBe(DIGEST_CHUNKS);
  });

  it('is rebuilt into the current layout when written with another number of chunks (earlier versions: 64)', async () => {
    const db = await openDb();
    for (let n = 1; n <= 30; n++) await savePaper(db, paperToSave(arxivId(n), { title: `Title ${n}` }), n);
    // The same rows spread over 64 chunks by another rule, as a version with 64 chunks left them.
    const rows = (await db.getAll('digest')).flatMap((chunk) => chunk.papers);
    await db.clear('digest');
    const old = Array.from({ length: 64 }, (_, chunk) => ({ chunk, papers: [] as PaperFacets[] }));
    rows.forEach((row, i) => old[(i * 7) % 64]!.papers.push(row));
    for (const chunk of old) await db.put('digest', chunk);

    expect((await readDigest(db)).sort(byId)).toEqual(await facetsOfStoredPapers(db));
    expect((await db.getAllKeys('digest')).sort((a, b) => a - b)).toEqual(Array.from({ length: DIGEST_CHUNKS }, (_, i) => i));
    // Writes after the rebuild land in the chunks the digest is read from.
    await savePaper(db, paperToSave(arxivId(31)), 31);
    await savePaper(db, paperToSave(arxivId(5), { title: 'Retitled' }), 40);
    await removePaper(db, arxivId(2));
    expect((await readDigest(db)).sort(byId)).toEqual(await facetsOfStoredPapers(db));
  });
});

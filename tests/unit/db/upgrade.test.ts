import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import {
  DB_NAME,
  DB_VERSION,
  DIGEST_CHUNKS,
  facetsOf,
  lazyConnection,
  openPaperlightDb,
  type StoredHighlight,
} from '../../../lib/db';
import { breakIndexedDbOpen } from './broken-storage';
import { arxivId, savedPaper } from './make-paper';

function highlight(id: string, paperId: string): StoredHighlight {
  return {
    id,
    paperId,
    field: 'abstract',
    color: 'yellow',
    note: 'the key result',
    quote: { type: 'TextQuoteSelector', exact: 'report results', prefix: 'We study things in paper. We ', suffix: ' on GSM8K.' },
    position: { type: 'TextPositionSelector', start: 30, end: 44 },
    createdAt: 7,
    updatedAt: 8,
  };
}

describe('database schema', () => {
  it('opens fresh at the newest version with every store and index', async () => {
    const db = await openPaperlightDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['digest', 'highlights', 'papers']);
    const tx = db.transaction(['papers', 'highlights']);
    expect([...tx.objectStore('papers').indexNames].sort()).toEqual(['by-benchmark', 'by-savedAt', 'by-tag', 'by-topic']);
    expect([...tx.objectStore('highlights').indexNames]).toEqual(['by-paper']);
    expect(tx.objectStore('papers').index('by-topic').multiEntry).toBe(true);
    expect(tx.objectStore('papers').index('by-benchmark').multiEntry).toBe(true);
    expect(tx.objectStore('papers').index('by-tag').multiEntry).toBe(true);
    db.close();
  });
});

describe('upgrades keep every saved paper', () => {
  const papers = Array.from({ length: 30 }, (_, i) =>
    savedPaper(arxivId(i + 1), 1000 + i, {
      topics: i % 2 ? ['agents', 'evaluation'] : ['math-reasoning'],
      benchmarks: i % 3 ? ['GSM8K'] : ['MATH', 'GSM8K'],
    }),
  );
  papers.push(savedPaper('hep-th/9901001', 999, { title: 'An old-style id', topics: [], benchmarks: [] }));

  it('from version 1 (papers only): records intact, topic/benchmark indexes filled, highlights store added', async () => {
    const v1 = await openPaperlightDb({ version: 1 });
    expect([...v1.objectStoreNames]).toEqual(['papers']);
    expect([...v1.transaction('papers').store.indexNames]).toEqual(['by-savedAt']);
    for (const paper of papers) await v1.put('papers', paper);
    v1.close();

    const db = await openPaperlightDb();
    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAll('papers')).toEqual([...papers].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(await db.countFromIndex('papers', 'by-topic', 'agents')).toBe(15);
    expect(await db.countFromIndex('papers', 'by-topic', 'math-reasoning')).toBe(15);
    expect(await db.countFromIndex('papers', 'by-benchmark', 'MATH')).toBe(10);
    expect(await db.countFromIndex('papers', 'by-benchmark', 'GSM8K')).toBe(30);
    expect(await db.count('highlights')).toBe(0);
    await db.put('highlights', highlight('h1', arxivId(1)));
    expect(await db.getAllFromIndex('highlights', 'by-paper', arxivId(1))).toEqual([highlight('h1', arxivId(1))]);
    db.close();
  });

  it('from version 2 (no highlights store yet): records and indexes intact', async () => {
    const v2 = await openPaperlightDb({ version: 2 });
    expect([...v2.objectStoreNames]).toEqual(['papers']);
    for (const paper of papers) await v2.put('papers', paper);
    v2.close();

    const db = await openPaperlightDb();
    expect(await db.count('papers')).toBe(papers.length);
    expect(await db.get('papers', 'hep-th/9901001')).toEqual(papers.at(-1));
    const newest = await db.transaction('papers').store.index('by-savedAt').openCursor(null, 'prev');
    expect(newest?.value.id).toBe(arxivId(30));
    expect(await db.countFromIndex('papers', 'by-topic', 'evaluation')).toBe(15);
    expect([...db.objectStoreNames].sort()).toEqual(['digest', 'highlights', 'papers']);
    db.close();
  });

  it('from version 3 (no digest yet): the digest is built from every saved paper, across read batches', async () => {
    const many = Array.from({ length: 1_234 }, (_, i) =>
      savedPaper(arxivId(i + 1), 5_000 + i, { title: `Paper ${i}`, topics: [`t${i % 7}`], benchmarks: [`b${i % 11}`] }),
    );
    const v3 = await openPaperlightDb({ version: 3 });
    expect([...v3.objectStoreNames].sort()).toEqual(['highlights', 'papers']);
    for (const paper of many) await v3.put('papers', paper);
    await v3.put('highlights', highlight('h1', arxivId(5)));
    v3.close();

    const db = await openPaperlightDb();
    expect(await db.getAll('papers')).toEqual(many);
    expect(await db.get('highlights', 'h1')).toEqual(highlight('h1', arxivId(5)));
    expect(await db.count('digest')).toBe(DIGEST_CHUNKS);
    const digest = (await db.getAll('digest')).flatMap((chunk) => chunk.papers);
    expect(digest.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(many.map(facetsOf));
    db.close();
  });

  it('from version 4 (no tags yet): records untouched, tags indexed, the digest rebuilt with the new facets', async () => {
    const v4 = await openPaperlightDb({ version: 4 });
    expect([...v4.transaction('papers').store.indexNames]).not.toContain('by-tag');
    for (const paper of papers) await v4.put('papers', paper);
    // A digest row as version 4 wrote them: only id, savedAt, title, topics, benchmarks.
    await v4.put('digest', { chunk: 0, papers: [{ id: arxivId(1), savedAt: 1000, title: 'stale', topics: [], benchmarks: [] } as never] });
    // A record written by a build that already had tags (a downgrade and back, or a restore) keeps them.
    await v4.put('papers', savedPaper(arxivId(99), 5_000, { title: 'Tagged', tags: ['rlhf', 'to-read'], note: 'check appendix', readAt: 6_000 } as never));
    v4.close();

    const db = await openPaperlightDb();
    expect(db.version).toBe(5);
    expect(await db.count('papers')).toBe(papers.length + 1);
    expect(await db.get('papers', arxivId(3))).toEqual(papers[2]);
    expect(await db.getAllKeysFromIndex('papers', 'by-tag', 'rlhf')).toEqual([arxivId(99)]);
    const digest = (await db.getAll('digest')).flatMap((chunk) => chunk.papers);
    expect(digest).toHaveLength(papers.length + 1);
    expect(digest.find((row) => row.id === arxivId(1))).toEqual(facetsOf(papers[0]!));
    expect(digest.find((row) => row.id === arxivId(1))).toMatchObject({ title: papers[0]!.title, authors: papers[0]!.authors, tags: [], note: '' });
    expect(digest.find((row) => row.id === arxivId(99))).toMatchObject({ tags: ['rlhf', 'to-read'], note: 'check appendix', readAt: 6_000 });
    db.close();
  });

  it('runs each step once: reopening the newest version changes nothing', async () => {
    const first = await openPaperlightDb();
    for (const paper of papers) await first.put('papers', paper);
    await first.put('highlights', highlight('h1', arxivId(2)));
    first.close();
    const again = await openPaperlightDb();
    expect(await again.count('papers')).toBe(papers.length);
    expect(await again.get('highlights', 'h1')).toEqual(highlight('h1', arxivId(2)));
    again.close();
  });
});

describe('lazyConnection', () => {
  it('shares one connection and steps aside when a newer version needs to upgrade', async () => {
    const connect = lazyConnection();
    const db = await connect();
    expect(await connect()).toBe(db);

    // A newer Paperlight (after an update) opening the next version must not stay blocked by us.
    const newer = await openDB(DB_NAME, DB_VERSION + 1);
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();

    // Our build cannot open a newer database: the request fails clearly, and each call tries again.
    await expect(connect()).rejects.toMatchObject({ name: 'VersionError' });
    await expect(connect()).rejects.toMatchObject({ name: 'VersionError' });
  });

  it('tries again after a failed open', async () => {
    const repair = breakIndexedDbOpen('UnknownError');
    const connect = lazyConnection();
    await expect(connect()).rejects.toMatchObject({ name: 'UnknownError' });
    repair();
    const db = await connect();
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });
});

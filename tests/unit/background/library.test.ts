import { describe, expect, it } from 'vitest';
import { createLibrary } from '../../../lib/background/library';
import { lazyConnection, openPaperlightDb, savePaper } from '../../../lib/db';
import { breakIndexedDbOpen } from '../db/broken-storage';
import { arxivId, paperToSave } from '../db/make-paper';

describe('createLibrary', () => {
  it('summarizes and searches what is stored when the worker starts, then follows each write', async () => {
    const db = await openPaperlightDb();
    await savePaper(db, paperToSave(arxivId(1), { title: 'Reward models for agents', topics: ['reward-modeling'] }), 1);
    await savePaper(db, paperToSave(arxivId(2), { title: 'Agents on the web', topics: ['agents'] }), 2);
    db.close();

    const library = createLibrary(lazyConnection());
    expect(await library.summary()).toMatchObject({ count: 2 });
    expect((await library.list({ query: 'agents', offset: 0, limit: 10 })).items.map((p) => p.id)).toEqual([
      arxivId(2),
      arxivId(1),
    ]);

    await library.savePaper(paperToSave(arxivId(3), { title: 'More agents', topics: ['agents'] }));
    await library.removePaper(arxivId(1));
    expect(await library.summary()).toMatchObject({
      count: 2,
      topTopics: [{ id: 'agents', count: 2 }],
      topBenchmarks: [{ name: 'GSM8K', count: 2 }],
    });
    const page = await library.list({ query: 'AGENTS', offset: 0, limit: 10 });
    expect(page.total).toBe(2);
    expect(page.items.map((p) => p.id)).toEqual([arxivId(3), arxivId(2)]);
  });

  it('lists newest first with and without a search, in the same order', async () => {
    const library = createLibrary(lazyConnection());
    for (let n = 1; n <= 12; n++) await library.savePaper(paperToSave(arxivId(n), { title: `Paper number ${n}` }));
    // Before the index exists pages come from the savedAt index; afterwards from the in-memory index.
    const fromStore = await library.list({ offset: 0, limit: 100 });
    const searched = await library.list({ query: 'paper number', offset: 0, limit: 100 });
    const fromIndex = await library.list({ offset: 0, limit: 100 });
    expect(fromStore.total).toBe(12);
    expect(searched.items.map((p) => p.id)).toEqual(fromStore.items.map((p) => p.id));
    expect(fromIndex).toEqual(fromStore);
    expect(await library.list({ offset: 5, limit: 4 })).toEqual({ total: 12, items: fromStore.items.slice(5, 9) });
    expect((await library.list({ query: 'paper', offset: 10, limit: 5 })).items).toHaveLength(2);
    expect(await library.list({ query: 'nothing like this', offset: 0, limit: 5 })).toEqual({ total: 0, items: [] });
  });

  it('misses no write made while the index is being built', async () => {
    const db = await openPaperlightDb();
    for (let n = 1; n <= 200; n++) await savePaper(db, paperToSave(arxivId(n), { topics: ['agents'] }), n);
    db.close();
    const library = createLibrary(lazyConnection());

    const building = library.summary();
    const writes = Promise.all([
      library.savePaper(paperToSave(arxivId(500), { topics: ['evaluation'] })),
      library.removePaper(arxivId(1)),
      library.removePaper(arxivId(2)),
    ]);
    await Promise.all([building, writes]);
    expect(await library.summary()).toMatchObject({
      count: 199,
      topTopics: [
        { id: 'agents', count: 198 },
        { id: 'evaluation', count: 1 },
      ],
    });
  });

  it('fails a summary while the database cannot open, and succeeds once it can', async () => {
    const repair = breakIndexedDbOpen('UnknownError');
    const library = createLibrary(lazyConnection());
    await expect(library.summary()).rejects.toMatchObject({ name: 'UnknownError' });
    repair();
    await library.savePaper(paperToSave(arxivId(1)));
    expect(await library.summary()).toMatchObject({ count: 1 });
  });
});

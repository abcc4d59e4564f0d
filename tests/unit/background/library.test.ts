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

describe('createLibrary: the reader’s edits, undo and restores keep the index in step', () => {
  const ids = (page: { items: { id: string }[] }) => page.items.map((paper) => paper.id);
  const search = (library: ReturnType<typeof createLibrary>, query: string) => library.search({ query, sort: 'saved', offset: 0, limit: 100 });

  it('finds a paper by its new tag, note or read state right after the edit', async () => {
    const library = createLibrary(lazyConnection());
    for (let n = 1; n <= 3; n++) await library.savePaper(paperToSave(arxivId(n)));
    expect((await search(library, 'is:unread')).total).toBe(3);
    const edited = await library.editPaper(arxivId(2), { addTags: ['rlhf'], note: 'pairwise', read: true });
    expect(edited).toMatchObject({ changed: true, paper: { tags: ['rlhf'], note: 'pairwise' } });
    expect(ids(await search(library, 'tag:rlhf'))).toEqual([arxivId(2)]);
    expect(ids(await search(library, 'pairwise'))).toEqual([arxivId(2)]);
    expect(ids(await search(library, 'is:unread'))).toEqual([arxivId(3), arxivId(1)]);
    expect(await library.tagCounts()).toEqual([{ tag: 'rlhf', count: 1 }]);
    expect(await library.editPaper(arxivId(2), { read: true })).toMatchObject({ changed: false });
    expect(await library.editPaper(arxivId(99), { read: true })).toBeUndefined();
    // Sync reads every paper's state from the index, without abstracts.
    expect((await library.allFacets()).find((paper) => paper.id === arxivId(2))).toMatchObject({ tags: ['rlhf'], readAt: expect.any(Number) });
  });

  it('hands back a removed record, and merging it back restores it in store and index', async () => {
    const library = createLibrary(lazyConnection());
    await library.savePaper(paperToSave(arxivId(1)));
    await library.editPaper(arxivId(1), { tags: ['keep'] });
    const removed = await library.takePaper(arxivId(1));
    expect(removed).toMatchObject({ id: arxivId(1), tags: ['keep'] });
    expect(await library.takePaper(arxivId(1))).toBeUndefined();
    expect((await search(library, 'tag:keep')).total).toBe(0);
    await library.mergeRecords({ papers: [removed!], highlights: [] });
    expect(ids(await search(library, 'tag:keep'))).toEqual([arxivId(1)]);
    expect(await library.getPapers([arxivId(1)])).toEqual([removed]);
  });

  it('answers the pages shown lately from memory, and never with a record older than the last write', async () => {
    let transactions = 0;
    const connect = lazyConnection();
    // The connection as the library sees it, counting the transactions it opens.
    const counting = async () => {
      const db = await connect();
      return new Proxy(db, {
        get(target, key, receiver) {
          if (key === 'transaction') return (...args: Parameters<typeof db.transaction>) => (transactions++, target.transaction(...args));
          const value = Reflect.get(target, key, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    };
    const library = createLibrary(counting);
    for (let n = 1; n <= 5; n++) await library.savePaper(paperToSave(arxivId(n)));
    await library.summary();
    const first = await search(library, '');
    const before = transactions;
    expect(await search(library, '')).toEqual(first);
    expect(transactions).toBe(before); // the popup opened again: nothing read from the store

    await library.editPaper(arxivId(3), { addTags: ['edited'] });
    await library.removePaper(arxivId(5));
    await library.savePaper(paperToSave(arxivId(1), { title: 'Retitled' }));
    const after = await search(library, '');
    expect(ids(after)).toEqual([arxivId(4), arxivId(3), arxivId(2), arxivId(1)]);
    expect(after.items.find((paper) => paper.id === arxivId(3))?.tags).toEqual(['edited']);
    expect(after.items.find((paper) => paper.id === arxivId(1))?.title).toBe('Retitled');
    await library.mergeRecords({ papers: [{ ...after.items[0]!, updatedAt: Date.now() + 1_000, note: 'merged in' }], highlights: [] });
    expect((await search(library, '')).items[0]?.note).toBe('merged in');
  });

  it('rebuilds the index after a large restore, also when a build was under way', async () => {
    const library = createLibrary(lazyConnection());
    await library.savePaper(paperToSave(arxivId(1)));
    const many = Array.from({ length: 800 }, (_, i) => ({ ...paperToSave(arxivId(i + 2)), savedAt: i, updatedAt: i, tags: ['restored'] }));
    const building = library.summary(); // a build reading the digest while the restore writes
    const [, outcome] = await Promise.all([building, library.mergeRecords({ papers: many, highlights: [] })]);
    expect(outcome.papers.added).toHaveLength(800);
    expect(await library.summary()).toMatchObject({ count: 801 });
    expect((await search(library, 'tag:restored')).total).toBe(800);
    expect(await library.readPapers([arxivId(5), arxivId(3)])).toEqual([many[3], many[1]]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  allHighlights,
  createHighlight,
  deleteHighlight,
  getHighlight,
  highlightsOfPapers,
  updateHighlight,
} from '../../../lib/db/highlights';
import { removePaper, savePaper } from '../../../lib/db';
import { paperToSave } from '../db/make-paper';
import { databasePerTest } from '../db/test-db';
import { newHighlight } from './make-highlight';

const openDb = databasePerTest();

describe('the highlights store', () => {
  it('creates, reads back by paper (oldest first), updates and deletes', async () => {
    const db = await openDb();
    const first = await createHighlight(db, newHighlight('2609.31620'), 1_000);
    const second = await createHighlight(db, newHighlight('2609.31620', 'Representation autoencoders', { color: 'green' }), 2_000);
    const other = await createHighlight(db, newHighlight('2609.30222'), 1_500);
    expect(first).toMatchObject({ createdAt: 1_000, updatedAt: 1_000, color: 'yellow', note: '' });

    expect((await highlightsOfPapers(db, ['2609.31620'])).map((h) => h.id)).toEqual([first.id, second.id]);
    expect((await highlightsOfPapers(db, ['2609.31620', '2609.30222', '2609.31620'])).map((h) => h.id)).toEqual([first.id, other.id, second.id]);
    expect(await highlightsOfPapers(db, ['2609.99999'])).toEqual([]);

    const edited = await updateHighlight(db, first.id, { color: 'blue', note: 'the key trade-off' }, 3_000);
    expect(edited).toMatchObject({ color: 'blue', note: 'the key trade-off', createdAt: 1_000, updatedAt: 3_000 });
    expect(await getHighlight(db, first.id)).toEqual(edited);

    expect(await deleteHighlight(db, first.id)).toMatchObject({ id: first.id, paperId: '2609.31620' });
    expect(await deleteHighlight(db, first.id)).toBeUndefined();
    expect((await allHighlights(db)).map((h) => h.id)).toEqual([other.id, second.id]);
  });

  it('is idempotent: a resent create keeps the first record, and does not undo an edit made since', async () => {
    const db = await openDb();
    const highlight = newHighlight('2609.31620');
    const first = await createHighlight(db, highlight, 1_000);
    await updateHighlight(db, highlight.id, { note: 'edited' }, 2_000);
    const again = await createHighlight(db, highlight, 3_000);
    expect(again).toMatchObject({ createdAt: first.createdAt, note: 'edited', updatedAt: 2_000 });
    expect(await allHighlights(db)).toHaveLength(1);
  });

  it('an update that changes nothing writes nothing; an update of a deleted highlight finds nothing', async () => {
    const db = await openDb();
    const stored = await createHighlight(db, newHighlight('2609.31620'), 1_000);
    expect(await updateHighlight(db, stored.id, { color: 'yellow' }, 5_000)).toEqual(stored);
    expect(await updateHighlight(db, stored.id, {}, 5_000)).toEqual(stored);
    await deleteHighlight(db, stored.id);
    expect(await updateHighlight(db, stored.id, { note: 'x' })).toBeUndefined();
  });

  it('never loses highlights with their paper: removing the paper from the library keeps them', async () => {
    const db = await openDb();
    await savePaper(db, paperToSave('2609.31620'));
    const stored = await createHighlight(db, newHighlight('2609.31620'));
    await removePaper(db, '2609.31620');
    expect(await highlightsOfPapers(db, ['2609.31620'])).toEqual([stored]);
  });

  it('keeps Unicode quotes and notes intact', async () => {
    const db = await openDb();
    const text = 'On 𝒪(n log n) sparsity — “naïve” 🚀 methods for 中文 text.';
    const stored = await createHighlight(db, newHighlight('2609.31620', '𝒪(n log n) sparsity — “naïve” 🚀', { note: 'Ümlaut ✓ 笔记' }, text));
    expect(await getHighlight(db, stored.id)).toEqual(stored);
    expect(stored.quote.exact).toBe('𝒪(n log n) sparsity — “naïve” 🚀');
  });
});

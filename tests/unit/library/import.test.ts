import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mergeLibraryRecords, openPaperlightDb, readAllPapers } from '../../../lib/db';
import { allHighlights } from '../../../lib/db/highlights';
import type { LibraryPaper } from '../../../lib/db/schema';
import { backupText, createBackup } from '../../../lib/library/backup';
import { exportFile } from '../../../lib/library/export';
import { request } from '../../../lib/messaging/client';
import { readingSetting } from '../../../lib/settings/reading';
import { keyboardSetting } from '../../../lib/settings/keyboard';
import { newHighlight } from '../highlights/make-highlight';
import { arxivId, paperToSave, savedPaper } from '../db/make-paper';
import { SAMPLE_HIGHLIGHTS, SAMPLE_PAPERS } from './sample-library';
import { ok, startLibraryWorker } from './worker';

beforeEach(() => {
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection.'));
});

const byId = <T extends { id: string }>(records: T[]) => [...records].sort((a, b) => (a.id < b.id ? -1 : 1));

async function storedLibrary() {
  const db = await openPaperlightDb();
  const library = { papers: byId(await readAllPapers(db)), highlights: byId(await allHighlights(db)) };
  db.close();
  return library;
}

describe('library/import', () => {
  it('restores a backup into an empty library and reports what was added', async () => {
    const worker = startLibraryWorker();
    const text = backupText(createBackup({ papers: SAMPLE_PAPERS, highlights: SAMPLE_HIGHLIGHTS, settings: { reading: { dimSeen: true } } }));
    const outcome = await ok(request('library/import', { text }));
    expect(outcome).toEqual({
      imported: true,
      report: {
        papers: { added: 4, updated: 0, unchanged: 0 },
        highlights: { added: 2, updated: 0, unchanged: 0 },
        settingsRestored: ['reading'],
        settingsKept: [],
        settingsUnknown: [],
      },
    });
    expect(await storedLibrary()).toEqual({ papers: byId(SAMPLE_PAPERS), highlights: byId(SAMPLE_HIGHLIGHTS) });
    expect(await readingSetting.get()).toEqual({ dimSeen: true });
    // Open pages hear about the new papers; the popup's index and search see them at once.
    expect(worker.announced.filter((b) => b.type === 'paper/changed').map((b) => b.type === 'paper/changed' && b.id).sort()).toEqual(
      SAMPLE_PAPERS.map((paper) => paper.id).sort(),
    );
    expect(await ok(request('library/search', { query: 'tag:survey', sort: 'saved', offset: 0, limit: 10 }))).toMatchObject({ total: 1 });
    // Importing the same file again changes nothing.
    expect(await ok(request('library/import', { text }))).toMatchObject({
      report: { papers: { added: 0, updated: 0, unchanged: 4 }, highlights: { added: 0, updated: 0, unchanged: 2 }, settingsRestored: [] },
    });
  });

  it('merges: the newer edit of each paper and highlight wins, nothing is dropped', async () => {
    startLibraryWorker();
    const db = await openPaperlightDb();
    const local: LibraryPaper[] = [
      savedPaper(arxivId(1), 100, { updatedAt: 900, tags: ['local-newer'], note: 'mine' }),
      savedPaper(arxivId(2), 100, { updatedAt: 200, tags: ['local-older'] }),
      savedPaper(arxivId(3), 100, { updatedAt: 300, tags: ['only-here'] }),
    ];
    const localHighlight = { ...newHighlight(arxivId(1)), createdAt: 100, updatedAt: 500, note: 'local' };
    await mergeLibraryRecords(db, { papers: local, highlights: [localHighlight] });
    db.close();

    const backup = createBackup({
      papers: [
        savedPaper(arxivId(1), 50, { updatedAt: 800, tags: ['backup-older'], note: 'theirs' }),
        savedPaper(arxivId(2), 100, { updatedAt: 700, tags: ['backup-newer'], readAt: 650 }),
        savedPaper(arxivId(4), 400, { updatedAt: 400, tags: ['only-there'] }),
      ],
      highlights: [{ ...localHighlight, note: 'backup, newer', updatedAt: 600 }],
      settings: {},
    });
    const outcome = await ok(request('library/import', { text: backupText(backup) }));
    expect(outcome).toMatchObject({
      imported: true,
      report: { papers: { added: 1, updated: 2, unchanged: 0 }, highlights: { added: 0, updated: 1, unchanged: 0 } },
    });
    const { papers, highlights } = await storedLibrary();
    expect(papers.map((paper) => [paper.id, paper.tags, paper.note ?? '', paper.savedAt])).toEqual([
      [arxivId(1), ['local-newer'], 'mine', 50], // the local, newer edit kept; the earlier save date taken (so: updated)
      [arxivId(2), ['backup-newer'], '', 100],
      [arxivId(3), ['only-here'], '', 100],
      [arxivId(4), ['only-there'], '', 400],
    ]);
    expect(papers[1]!.readAt).toBe(650);
    expect(highlights.map((h) => h.note)).toEqual(['backup, newer']);
  });

  it('changes nothing when the file is refused, and says why', async () => {
    startLibraryWorker();
    await ok(request('paper/save', { paper: paperToSave(arxivId(1)) }));
    const before = await storedLibrary();
    const damaged = backupText(createBackup({ papers: SAMPLE_PAPERS, highlights: [], settings: {} })).replace('"title":"An old-style identifier"', '"title":7');
    expect(await ok(request('library/import', { text: damaged }))).toEqual({
      imported: false,
      problem: expect.stringMatching(/damaged: papers\[2\] \(hep-th\/9901001\): title must be a string/),
    });
    expect(await ok(request('library/import', { text: '{"format":"paperlight-backup","version":1,"papers":[' }))).toMatchObject({
      imported: false,
      problem: expect.stringMatching(/incomplete/),
    });
    expect(await storedLibrary()).toEqual(before);
  });

  it('keeps a setting changed on this machine, restores one still at its default', async () => {
    startLibraryWorker();
    await keyboardSetting.set({ ...keyboardSetting.defaultValue, enabled: false });
    const text = backupText(
      createBackup({ papers: [], highlights: [], settings: { keyboard: { ...keyboardSetting.defaultValue, keys: { ...keyboardSetting.defaultValue.keys, next: 'n' } }, reading: { dimSeen: true } } }),
    );
    expect(await ok(request('library/import', { text }))).toMatchObject({ report: { settingsRestored: ['reading'], settingsKept: ['keyboard'] } });
    expect((await keyboardSetting.get()).enabled).toBe(false);
    expect(await readingSetting.get()).toEqual({ dimSeen: true });
  });
});

describe('round trip: export JSON, import into an empty profile', () => {
  it('gives the same library: papers, tags, notes, read state, highlights, settings', async () => {
    startLibraryWorker();
    for (const paper of SAMPLE_PAPERS) {
      const { savedAt, updatedAt, tags, note, readAt, ...toSave } = paper;
      await ok(request('paper/save', { paper: toSave }));
      const edit = { ...(tags ? { tags } : {}), ...(note ? { note } : {}), ...(readAt ? { read: true } : {}) };
      if (Object.keys(edit).length > 0) await ok(request('library/edit', { id: paper.id, edit }));
    }
    for (const highlight of SAMPLE_HIGHLIGHTS) {
      const { createdAt, updatedAt, ...created } = highlight;
      await ok(request('highlight/create', { highlight: created, paper: paperToSave(highlight.paperId, SAMPLE_PAPERS[0]) }));
    }
    await readingSetting.set({ dimSeen: true });
    const original = await storedLibrary();
    const data = await ok(request('library/export-data', { query: '', sort: 'saved' }));
    const file = exportFile('json', data);

    // A new profile: empty database and storage, a fresh worker.
    globalThis.indexedDB = new IDBFactory();
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection.'));
    startLibraryWorker();
    expect(await ok(request('library/summary', {}))).toMatchObject({ count: 0 });

    expect(await ok(request('library/import', { text: file.text }))).toMatchObject({ imported: true, report: { papers: { added: 4 } } });
    expect(await storedLibrary()).toEqual(original);
    expect(await readingSetting.get()).toEqual({ dimSeen: true });
    const again = exportFile('json', await ok(request('library/export-data', { query: '', sort: 'saved' })), { now: JSON.parse(file.text).exportedAt ? Date.parse(JSON.parse(file.text).exportedAt) : 0 });
    expect(again.text).toBe(file.text);
  });
});

import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EXPORT_READ_BATCH, exportLibrary } from '../../../components/popup/library-files';
import { mergeLibraryRecords, openPaperlightDb } from '../../../lib/db';
import { exportFile, type ExportFile } from '../../../lib/library/export';
import { request } from '../../../lib/messaging/client';
import { arxivId, savedPaper } from '../db/make-paper';
import { ok, startLibraryWorker } from '../library/worker';

// The popup's export against the real worker handlers and a fake IndexedDB: the papers come in batches, never
// in one message holding the whole library.
const NOW = Date.UTC(2026, 10, 27);
const COUNT = 2 * EXPORT_READ_BATCH + 300;

beforeEach(async () => {
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection.'));
  const db = await openPaperlightDb();
  const papers = Array.from({ length: COUNT }, (_, i) => savedPaper(arxivId(i + 1), 1_000 + i, { title: `Paper ${i + 1}` }));
  await mergeLibraryRecords(db, { papers, highlights: [] });
  db.close();
});

/** `request`, recording what was sent. */
function recordingSend(sent: { type: string; ids?: number }[], before?: (type: string) => Promise<void>): typeof request {
  return (async (type: string, payload: { ids?: unknown[] }) => {
    await before?.(type);
    sent.push({ type, ids: payload.ids?.length });
    return request(type as never, payload as never);
  }) as typeof request;
}

describe('exporting the library from the popup', () => {
  it('reads the papers in batches and writes the same file as from one reply, with progress to the end', async () => {
    startLibraryWorker();
    const sent: { type: string; ids?: number }[] = [];
    const progress: number[] = [];
    let downloaded: ExportFile | undefined;
    const outcome = await exportLibrary('json', { query: '', sort: 'saved' }, {
      send: recordingSend(sent),
      download: (file) => (downloaded = file),
      now: NOW,
      onProgress: (done) => progress.push(done),
    });

    expect(outcome.ok).toBe(true);
    const whole = exportFile('json', await ok(request('library/export-data', { query: '', sort: 'saved' })), { now: NOW });
    expect(downloaded?.text).toBe(whole.text);
    expect(downloaded?.count).toBe(COUNT);
    expect(sent.map((message) => message.type)).toEqual(['library/export-plan', 'library/get', 'library/get', 'library/get']);
    expect(sent.slice(1).map((message) => message.ids)).toEqual([EXPORT_READ_BATCH, EXPORT_READ_BATCH, 300]);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
  });

  it('leaves out a paper removed while the export reads, and exports the rest', async () => {
    startLibraryWorker();
    let removed = false;
    const outcome = await exportLibrary('csv', { query: '', sort: 'saved' }, {
      send: recordingSend([], async (type) => {
        if (type !== 'library/get' || removed) return;
        removed = true;
        await ok(request('library/remove', { id: arxivId(COUNT) })); // the newest: in the first batch
      }),
      download: () => {},
      now: NOW,
    });
    expect(outcome.ok && outcome.file.count).toBe(COUNT - 1);
    expect(outcome.ok && outcome.file.text).not.toContain(arxivId(COUNT));
  });

  it('says what went wrong when the library cannot be read', async () => {
    // No worker answers.
    const failing = (async () => ({ ok: false, error: 'The background did not answer.' })) as unknown as typeof request;
    expect(await exportLibrary('bibtex', { query: '', sort: 'saved' }, { send: failing, download: () => {} })).toEqual({
      ok: false,
      error: 'Could not read the library to export it. The background did not answer.',
    });
  });
});

/**
 * Exports and backup restore from the popup (or the library opened in a tab). Files are made here from what
 * the background hands over, and downloaded through an object URL and a link with `download`: no
 * "downloads" permission needed. A backup file is checked for size before it is read; its contents are
 * checked by the background before anything is written (lib/library/backup.ts).
 */
import { topicLabel } from '../../lib/extract';
import { MAX_BACKUP_BYTES, tooLargeProblem } from '../../lib/library/backup';
import { exportFileInSlices, type ExportFile, type ExportFormat } from '../../lib/library/export';
import { request } from '../../lib/messaging/client';
import type { ImportOutcome, LibraryPaper, LibrarySort } from '../../lib/messaging/requests/library';

/**
 * Papers asked for per message during an export: ~2 MB of records, a short task to receive, where the whole
 * library in one reply (20 MB for 10,000 papers) held the popup for most of a second.
 */
export const EXPORT_READ_BATCH = 1_000;

export type ExportOutcome = { ok: true; file: ExportFile } | { ok: false; error: string };

/**
 * Make the export of the papers matching `query` ('' = the whole library) and download it. The file is
 * written a slice at a time (10,000 papers take about a second), so the popup keeps answering and can say
 * how far it got (`onProgress`, 0 to 1).
 */
export async function exportLibrary(
  format: ExportFormat,
  { query, sort }: { query: string; sort: LibrarySort },
  {
    send = request,
    download = downloadFile,
    now = Date.now(),
    onProgress,
  }: { send?: typeof request; download?: (file: ExportFile) => void; now?: number; onProgress?: (done: number) => void } = {},
): Promise<ExportOutcome> {
  const plan = await send('library/export-plan', { query, sort });
  if (!plan.ok) return { ok: false, error: `Could not read the library to export it. ${plan.error}` };
  const { ids, highlights, settings } = plan.value;
  // Half of the progress bar for reading the papers, half for writing the file.
  const papers: LibraryPaper[] = [];
  for (let start = 0; start < ids.length; start += EXPORT_READ_BATCH) {
    const batch = await send('library/get', { ids: ids.slice(start, start + EXPORT_READ_BATCH) });
    if (!batch.ok) return { ok: false, error: `Could not read the library to export it. ${batch.error}` };
    papers.push(...batch.value); // a paper removed meanwhile is left out
    onProgress?.(Math.min(start + EXPORT_READ_BATCH, ids.length) / ids.length / 2);
  }
  const file = await exportFileInSlices(format, { papers, highlights, settings }, {
    now,
    topicLabel,
    onProgress: onProgress && ((done) => onProgress(0.5 + done / 2)),
  });
  download(file);
  return { ok: true, file };
}

/** Hand a file to the browser's download machinery (the browser may ask where to save it). */
export function downloadFile(file: ExportFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mimeType};charset=utf-8` }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; the URL itself is no longer needed. (Not revoked at once:
  // some browsers start reading it only after the click handler returns.)
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Restore a backup file: refused unread when too large; otherwise checked whole and merged by the background. */
export async function importBackupFile(file: Blob, send: typeof request = request): Promise<ImportOutcome> {
  if (file.size > MAX_BACKUP_BYTES) return { imported: false, problem: tooLargeProblem(file.size) };
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return { imported: false, problem: `The file could not be read (${error instanceof Error ? error.message : String(error)}). Nothing was changed.` };
  }
  const reply = await send('library/import', { text });
  if (!reply.ok) return { imported: false, problem: `The backup could not be restored: ${reply.error} Nothing was changed.` };
  return reply.value;
}

/** The report of a restore, in words. */
export function describeImport(outcome: ImportOutcome): string {
  if (!outcome.imported) return outcome.problem;
  const { papers, highlights, settingsRestored, settingsKept } = outcome.report;
  const parts = [
    `${plural(papers.added, 'paper')} added, ${papers.updated} updated, ${papers.unchanged} already up to date`,
    `${plural(highlights.added, 'highlight')} added, ${highlights.updated} updated`,
  ];
  if (settingsRestored.length > 0) parts.push(`settings restored: ${settingsRestored.join(', ')}`);
  if (settingsKept.length > 0) parts.push(`your own settings kept: ${settingsKept.join(', ')}`);
  return `Backup restored: ${parts.join('; ')}.`;
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
}

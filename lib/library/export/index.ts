/**
 * The export formats (issue 6). Each takes the papers to export (the whole library or the popup's current
 * filter, in its order) with their highlights, and returns a file for the popup to download.
 */
import { backupTextWith, createBackup } from '../backup';
import type { LibraryPaper, StoredHighlight } from '../../db/schema';
import { bibtexLayout } from './bibtex';
import { csvLayout } from './csv';
import { isoDay, writeAll, type ExportFile, type ExportInput, type FileLayout } from './files';
import { markdownLayout } from './markdown';
import { risLayout } from './ris';

export type { ExportFile, ExportInput } from './files';

export const EXPORT_FORMATS = ['bibtex', 'ris', 'csv', 'markdown', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  bibtex: 'BibTeX (.bib)',
  ris: 'RIS for Zotero, EndNote (.ris)',
  csv: 'CSV spreadsheet (.csv)',
  markdown: 'Markdown with notes and highlights (.md)',
  json: 'Full backup (.json)',
};

/** What the background hands over for an export (request 'library/export-data'). */
export interface ExportData {
  papers: LibraryPaper[];
  highlights: StoredHighlight[];
  settings: Record<string, unknown>;
}

export interface ExportOptions {
  now?: number;
  topicLabel?: (id: string) => string;
}

export function exportFile(format: ExportFormat, data: ExportData, options: ExportOptions = {}): ExportFile {
  return writeAll(layoutOf(format, data, options), data.papers);
}

/**
 * The same file, written a slice of papers at a time (at most `sliceMs` of work each) with a pause between
 * slices, so that the page stays responsive: 10,000 papers take about a second to write, several frames.
 * `onProgress` hears the share of papers written (0 to 1) after each slice.
 */
export async function exportFileInSlices(
  format: ExportFormat,
  data: ExportData,
  { sliceMs = 12, onProgress, ...options }: ExportOptions & { sliceMs?: number; onProgress?: (done: number) => void } = {},
): Promise<ExportFile> {
  const layout = layoutOf(format, data, options);
  const { papers } = data;
  const entries = new Array<string>(papers.length);
  let next = 0;
  while (next < papers.length) {
    const deadline = performance.now() + sliceMs;
    do entries[next] = layout.entry(papers[next++]!);
    while (next < papers.length && performance.now() < deadline);
    onProgress?.(next / papers.length);
    if (next < papers.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return layout.file(entries);
}

function layoutOf(format: ExportFormat, data: ExportData, { now = Date.now(), topicLabel }: ExportOptions): FileLayout {
  const input: ExportInput = { papers: data.papers, highlights: highlightsByPaper(data.highlights), now };
  switch (format) {
    case 'bibtex':
      return bibtexLayout(input);
    case 'ris':
      return risLayout(input);
    case 'csv':
      return csvLayout(input);
    case 'markdown':
      return markdownLayout(input, topicLabel);
    case 'json': {
      const backup = createBackup({ papers: [], highlights: data.highlights, settings: data.settings }, now);
      return {
        entry: (paper) => JSON.stringify(paper),
        file: (paperJson) => ({
          filename: `paperlight-backup-${isoDay(now)}.json`,
          mimeType: 'application/json',
          text: backupTextWith(backup, paperJson),
          count: data.papers.length,
        }),
      };
    }
  }
}

function highlightsByPaper(highlights: readonly StoredHighlight[]): Map<string, StoredHighlight[]> {
  const byPaper = new Map<string, StoredHighlight[]>();
  for (const highlight of highlights) {
    const list = byPaper.get(highlight.paperId);
    if (list) list.push(highlight);
    else byPaper.set(highlight.paperId, [highlight]);
  }
  return byPaper;
}

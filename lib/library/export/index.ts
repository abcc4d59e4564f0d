/**
 * The export formats (issue 6). Each takes the papers to export (the whole library or the popup's current
 * filter, in its order) with their highlights, and returns a file for the popup to download.
 */
import { backupText, createBackup } from '../backup';
import type { LibraryPaper, StoredHighlight } from '../../db/schema';
import { exportBibtex } from './bibtex';
import { exportCsv } from './csv';
import { isoDay, type ExportFile, type ExportInput } from './files';
import { exportMarkdown } from './markdown';
import { exportRis } from './ris';

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

export function exportFile(
  format: ExportFormat,
  data: ExportData,
  { now = Date.now(), topicLabel }: { now?: number; topicLabel?: (id: string) => string } = {},
): ExportFile {
  const input: ExportInput = { papers: data.papers, highlights: highlightsByPaper(data.highlights), now };
  switch (format) {
    case 'bibtex':
      return exportBibtex(input);
    case 'ris':
      return exportRis(input);
    case 'csv':
      return exportCsv(input);
    case 'markdown':
      return exportMarkdown(input, topicLabel);
    case 'json': {
      const backup = createBackup({ papers: data.papers, highlights: data.highlights, settings: data.settings }, now);
      return { filename: `paperlight-backup-${isoDay(now)}.json`, mimeType: 'application/json', text: backupText(backup), count: data.papers.length };
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

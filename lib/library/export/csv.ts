/**
 * CSV export (RFC 4180): a header row, one row per paper, CRLF line ends; a field containing a comma, a
 * double quote, a line break (or leading/trailing spaces) is enclosed in double quotes, its quotes doubled.
 * Lists (authors, topics, benchmarks, tags) are joined with "; ".
 *
 * Starts with a UTF-8 byte-order mark so that spreadsheet programs read accents and CJK names correctly.
 * A text field that starts with = + @ (or - followed by a non-space) is prefixed with an apostrophe: a
 * spreadsheet would otherwise run it as a formula (CSV injection from a page-derived title or author).
 */
import { isRead, noteOf, tagsOf } from '../paper-fields';
import { isoDay, writeAll, type ExportFile, type ExportInput, type FileLayout } from './files';

const COLUMNS = ['id', 'title', 'authors', 'published', 'saved', 'read', 'url', 'topics', 'benchmarks', 'tags', 'note', 'abstract'] as const;

export function exportCsv(input: ExportInput): ExportFile {
  return writeAll(csvLayout(input), input.papers);
}

export function csvLayout({ papers, now }: ExportInput): FileLayout {
  const row: FileLayout['entry'] = (paper) => csvRow([
    paper.id,
    paper.title,
    paper.authors.join('; '),
    paper.published ?? '',
    isoDay(paper.savedAt),
    isRead(paper) ? 'yes' : 'no',
    paper.url,
    paper.topics.join('; '),
    paper.benchmarks.join('; '),
    tagsOf(paper).join('; '),
    noteOf(paper),
    paper.abstract,
  ]);
  return {
    entry: row,
    file: (rows) => {
      const text = [csvRow(COLUMNS), ...rows].join('\r\n');
      return { filename: `paperlight-${isoDay(now)}.csv`, mimeType: 'text/csv', text: `\uFEFF${text}\r\n`, count: papers.length };
    },
  };
}

function csvRow(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

/** One field, quoted when RFC 4180 requires it, defused when a spreadsheet would take it for a formula. */
export function csvField(value: string): string {
  const safe = /^[=+@\t\r]|^-\S/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

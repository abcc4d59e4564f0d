/**
 * RIS export, written for Zotero's RIS importer (translators/RIS.js) and readable by EndNote and Mendeley:
 * `TAG  - value` lines, CRLF line ends, one record per paper closed by `ER  - `.
 *
 * Zotero has no RIS type for preprints, so papers are journal articles (TY JOUR) whose publication is "arXiv"
 * (T2), with the DOI arXiv registers for every paper (DO: Zotero uses it to find duplicates and attach
 * metadata), the abstract (AB), the reader's tags (one KW each) and note (N1, which Zotero makes a child
 * note), and the arXiv id in Zotero's "extra" field (M2 "arXiv: <id>"), where Zotero looks for it.
 */
import { noteOf, publicationMonth, tagsOf } from '../paper-fields';
import { arxivIdOf, doiOf, isoDay, webUrl, writeAll, type ExportFile, type ExportInput, type FileLayout } from './files';
import { splitName } from './names';

export function exportRis(input: ExportInput): ExportFile {
  return writeAll(risLayout(input), input.papers);
}

export function risLayout({ papers, now }: ExportInput): FileLayout {
  const record: FileLayout['entry'] = (paper) => {
    const lines: string[] = [];
    const add = (tag: string, value: string | undefined) => {
      if (value && value.trim()) lines.push(`${tag}  - ${value}`);
    };
    add('TY', 'JOUR');
    add('TI', oneLine(paper.title));
    for (const author of paper.authors) {
      const { family, given } = splitName(author);
      add('AU', given ? `${family}, ${given}` : family);
    }
    const when = publicationMonth(paper);
    if (when) {
      add('PY', String(when.year));
      add('DA', `${when.year}/${pad(when.month)}/${when.day ? pad(when.day) : ''}/`);
    }
    const arxiv = arxivIdOf(paper);
    if (arxiv) {
      add('T2', 'arXiv');
      add('M2', `arXiv: ${arxiv}`);
    }
    add('DO', doiOf(paper));
    add('UR', webUrl(paper.url));
    add('AB', oneLine(paper.abstract));
    for (const tag of tagsOf(paper)) add('KW', oneLine(tag));
    add('N1', multiLine(noteOf(paper)));
    lines.push('ER  - ');
    return lines.join('\r\n');
  };
  return {
    entry: record,
    file: (records) => ({
      filename: `paperlight-${isoDay(now)}.ris`,
      mimeType: 'application/x-research-info-systems',
      text: records.length > 0 ? `${records.join('\r\n\r\n')}\r\n` : '',
      count: papers.length,
    }),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A note keeps its line breaks (RIS readers join continuation lines), but a line that looks like a tag line
 * would start a new field: it gets a leading space.
 */
function multiLine(text: string): string {
  return text
    .trim()
    .split(/\r\n|\r|\n/)
    .map((line) => (/^[A-Z][A-Z0-9] {1,2}-/.test(line) ? ` ${line}` : line))
    .join('\r\n');
}

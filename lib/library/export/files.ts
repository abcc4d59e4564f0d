import type { LibraryPaper, StoredHighlight } from '../../db/schema';

/** What every export format gets: the papers (in the popup's order) and, per paper, its highlights. */
export interface ExportInput {
  papers: readonly LibraryPaper[];
  highlights: ReadonlyMap<string, readonly StoredHighlight[]>;
  /** ms since epoch: the export's date in file names and headers. */
  now: number;
}

/** A file for the popup to download. */
export interface ExportFile {
  filename: string;
  mimeType: string;
  text: string;
  /** Papers in it. */
  count: number;
}

/**
 * How a format writes its file: one entry per paper, in order (`entry` may keep state, such as BibTeX's
 * unique keys), then the file from all the entries. Split so that a large export can write its entries a
 * slice at a time between frames (lib/library/export/index.ts exportFileInSlices).
 */
export interface FileLayout {
  entry(paper: LibraryPaper): string;
  file(entries: readonly string[]): ExportFile;
}

/** The file of `input` written at once. */
export function writeAll(layout: FileLayout, papers: readonly LibraryPaper[]): ExportFile {
  return layout.file(papers.map((paper) => layout.entry(paper)));
}

/** yyyy-mm-dd of a time, in UTC (file names and headers; the same in every time zone). */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The arXiv id of a paper, when its id is one (new or old style); other ids carry a scheme prefix. */
export function arxivIdOf(paper: { id: string }): string | undefined {
  return paper.id.includes(':') ? undefined : paper.id;
}

/** The DOI of a paper: its own (`doi:` ids), or the one arXiv registers for every paper (10.48550/arXiv.<id>). */
export function doiOf(paper: { id: string }): string | undefined {
  if (paper.id.startsWith('doi:')) return paper.id.slice(4);
  const arxiv = arxivIdOf(paper);
  return arxiv ? `10.48550/arXiv.${arxiv}` : undefined;
}

/** Only web links are exported as links (records from a hand-edited backup were checked, but be strict). */
export function webUrl(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

/**
 * BibTeX export: one @misc entry per paper, as arXiv's own "Export BibTeX citation" writes them (eprint,
 * archivePrefix, url), with a DOI, the abstract, the reader's tags as `keywords` and their note as `annote`
 * (which Zotero and JabRef import as a note). Keys follow the common "family name + year + first title word"
 * pattern (lovelace2024scaling) and are unique within the file (a, b, c... appended on clashes).
 *
 * Text is escaped for (La)TeX: the characters that mean something to BibTeX or LaTeX (\ { } & % $ # _ ~ ^)
 * become their escaped forms, so a title with "$", "&" or "{" can neither break the file nor change meaning;
 * < > | too, which LaTeX's default font encoding would print as ¡ ¿ and a dash.
 * The title is wrapped in a second pair of braces so bibliography styles keep its capitals (GSM8K, LLaMA).
 */
import { noteOf, publicationMonth, tagsOf } from '../paper-fields';
import { arxivIdOf, doiOf, isoDay, webUrl, writeAll, type ExportFile, type ExportInput, type FileLayout } from './files';
import { splitName } from './names';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const TITLE_STOPWORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'to', 'and', 'with', 'towards', 'toward', 'is', 'are', 'do', 'does', 'can', 'how', 'what', 'why', 'when']);

export function exportBibtex(input: ExportInput): ExportFile {
  return writeAll(bibtexLayout(input), input.papers);
}

export function bibtexLayout({ papers, now }: ExportInput): FileLayout {
  const keys = new UniqueKeys();
  const entry: FileLayout['entry'] = (paper) => {
    const when = publicationMonth(paper);
    const authors = paper.authors.filter((author) => author.trim());
    const key = keys.claim(citationKey(authors[0], when?.year, paper.title));
    const fields: string[] = [field('title', `{${escapeTex(oneLine(paper.title))}}`)];
    if (authors.length > 0) fields.push(field('author', authors.map(bibtexName).join(' and ')));
    if (when) {
      // The month is a BibTeX macro (unbraced), so that every style prints it in its own language.
      fields.push(field('year', String(when.year)), `  month = ${MONTHS[when.month - 1]}`);
    }
    const arxiv = arxivIdOf(paper);
    if (arxiv) fields.push(field('eprint', arxiv), field('archiveprefix', 'arXiv'));
    const doi = doiOf(paper);
    if (doi) fields.push(field('doi', verbatim(doi)));
    const url = webUrl(paper.url);
    if (url) fields.push(field('url', verbatim(url)));
    if (paper.abstract.trim()) fields.push(field('abstract', escapeTex(oneLine(paper.abstract))));
    if (tagsOf(paper).length > 0) fields.push(field('keywords', tagsOf(paper).map(escapeTex).join(', ')));
    if (noteOf(paper).trim()) fields.push(field('annote', escapeTex(oneLine(noteOf(paper)))));
    return `@misc{${key},\n${fields.join(',\n')}\n}`;
  };
  return {
    entry,
    file: (entries) => ({
      filename: `paperlight-${isoDay(now)}.bib`,
      mimeType: 'application/x-bibtex',
      text: `% Exported from Paperlight on ${isoDay(now)}: ${papers.length} ${papers.length === 1 ? 'paper' : 'papers'}.\n\n${entries.join('\n\n')}\n`,
      count: papers.length,
    }),
  };
}

function field(name: string, value: string): string {
  return `  ${name} = {${value}}`;
}

/** LaTeX-escaped text: every character that BibTeX or LaTeX would read as markup, made literal. */
export function escapeTex(text: string): string {
  return text.replace(/[\\{}&%$#_~^<>|]/g, (char) => TEX_ESCAPES[char]!);
}

const TEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

/** URLs and DOIs are verbatim fields (printed as they are); only braces would end the field early. */
function verbatim(text: string): string {
  return text.replace(/\{/g, '%7B').replace(/\}/g, '%7D');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * "Family, Given" for people; a one-word name (a team, "DeepSeek-AI") and any name containing " and " are
 * braced whole, so BibTeX neither splits nor reorders them.
 */
function bibtexName(author: string): string {
  const { family, given } = splitName(author);
  if (!given || /\sand\s/i.test(author)) return `{${escapeTex(oneLine(author))}}`;
  return `${escapeTex(family)}, ${escapeTex(given)}`;
}

/** lovelace2024scaling: ASCII letters and digits only (keys must work in every TeX setup). */
export function citationKey(firstAuthor: string | undefined, year: number | undefined, title: string): string {
  const ascii = (text: string) => text.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  const family = firstAuthor ? ascii(splitName(firstAuthor).family.split(' ').pop() ?? '') : '';
  const word = title
    .split(/[\s\-:]+/)
    .map(ascii)
    .find((candidate) => candidate && !TITLE_STOPWORDS.has(candidate));
  return `${family || 'anon'}${year ?? ''}${word ?? ''}` || 'paper';
}

/** Hands out each key once: the second "lovelace2024scaling" becomes "lovelace2024scalinga", then "...b". */
class UniqueKeys {
  private readonly taken = new Set<string>();
  /** Per base key, the suffix to try next (so that many papers with one base stay linear). */
  private readonly nextSuffix = new Map<string, number>();

  claim(base: string): string {
    let key = base;
    let n = this.nextSuffix.get(base) ?? 0;
    while (this.taken.has(key)) key = `${base}${suffix(n++)}`;
    this.nextSuffix.set(base, n);
    this.taken.add(key);
    return key;
  }
}

/** a, b, ..., z, aa, ab, ... */
function suffix(n: number): string {
  return (n >= 26 ? suffix(Math.floor(n / 26) - 1) : '') + String.fromCharCode(97 + (n % 26));
}

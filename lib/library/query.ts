/**
 * The popup's search language (issue 6): free words plus field filters, all of which must hold.
 *
 *   reward model                every word in the title, authors, tags, note or id
 *   "reward model"              the words in this order
 *   topic:reward-modeling       a topic (its id; a prefix of whole words also matches: topic:reward)
 *   bench:GSM8K                 a benchmark (its name; case and punctuation ignored)
 *   author:Smith                an author whose name has a word starting so ("author:van der" works quoted)
 *   tag:to-read                 a tag
 *   is:unread  is:read  is:tagged  is:untagged  is:noted
 *   -tag:done                   a leading minus negates any term
 *
 * Parsing never fails: what it cannot use is listed in `problems` (shown under the search box) and left out.
 */
import type { PaperFacets } from '../db/schema';
import { normalizeArxivId } from '../paper-id';
import { normalizeForSearch } from '../background/title-search';

export type FilterField = 'topic' | 'bench' | 'author' | 'tag' | 'is';
export type TermField = FilterField | 'text' | 'id';

export interface QueryTerm {
  field: TermField;
  /** As typed (without quotes); matching normalizes it. */
  value: string;
  negated: boolean;
}

export interface LibraryQuery {
  terms: QueryTerm[];
  problems: string[];
}

export const IS_VALUES = ['read', 'unread', 'tagged', 'untagged', 'noted'] as const;
type IsValue = (typeof IS_VALUES)[number];

/** Field names as typed → the field. Plurals and a few synonyms people try first. */
const FIELD_NAMES: Record<string, FilterField> = {
  topic: 'topic',
  topics: 'topic',
  bench: 'bench',
  benchmark: 'bench',
  benchmarks: 'bench',
  dataset: 'bench',
  author: 'author',
  authors: 'author',
  by: 'author',
  tag: 'tag',
  tags: 'tag',
  is: 'is',
};

/** One token: optional minus, then `field:` with a (possibly empty, possibly "quoted") value, or a word or "phrase". */
const TOKEN = /(-?)(?:([A-Za-z]+):(?:"([^"]*)"?|(\S*))|"([^"]*)"?|(\S+))/g;

export function parseQuery(text: string): LibraryQuery {
  const terms: QueryTerm[] = [];
  const problems: string[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const [whole, minus, fieldName, fieldQuoted, fieldBare, phrase, word] = match;
    const negated = minus === '-';
    const quoted = fieldQuoted ?? phrase;
    const value = (quoted ?? fieldBare ?? word ?? '').trim();
    if (fieldName === undefined) {
      if (!value) continue;
      const id = quoted === undefined ? normalizeArxivId(value) : undefined;
      terms.push({ field: id ? 'id' : 'text', value: id ?? value, negated });
      continue;
    }
    const field = FIELD_NAMES[fieldName.toLowerCase()];
    if (!field) {
      // "arXiv:2401.01234", "doi:10.1/x", "re:thinking": not a filter; search it as typed.
      const id = normalizeArxivId(whole.replace(/^-/, ''));
      terms.push(id ? { field: 'id', value: id, negated } : { field: 'text', value: whole.replace(/^-/, ''), negated });
      continue;
    }
    if (!value) continue; // "tag:" while still typing
    if (field === 'is' && !(IS_VALUES as readonly string[]).includes(value.toLowerCase())) {
      problems.push(`“is:${value}” is not a filter; use ${IS_VALUES.map((v) => `is:${v}`).join(', ')}.`);
      continue;
    }
    terms.push({ field, value: field === 'is' ? value.toLowerCase() : value, negated });
  }
  return { terms, problems };
}

/** A term as it is typed: quoted when its value has spaces (`bench:"MMLU Pro"`). */
export function formatTerm(term: QueryTerm): string {
  const value = /[\s"]/.test(term.value) || term.value === '' ? `"${term.value.replace(/"/g, '')}"` : term.value;
  const field = term.field === 'text' || term.field === 'id' ? '' : `${term.field}:`;
  return `${term.negated ? '-' : ''}${field}${value}`;
}

const sameTerm = (a: QueryTerm, b: QueryTerm) =>
  a.field === b.field && a.negated === b.negated && normalizeForSearch(a.value) === normalizeForSearch(b.value);

/** The query text with `term` added (a click on a badge), unless it already has it. */
export function withTerm(text: string, term: QueryTerm): string {
  if (parseQuery(text).terms.some((existing) => sameTerm(existing, term))) return text;
  return `${text.trim()} ${formatTerm(term)}`.trim();
}

/** The query text without `term` (the × of a filter chip); the other terms keep their order. */
export function withoutTerm(text: string, term: QueryTerm): string {
  return parseQuery(text)
    .terms.filter((existing) => !sameTerm(existing, term))
    .map(formatTerm)
    .join(' ');
}

// ---- Matching ------------------------------------------------------------------------------------------

/** A paper's facets normalized once for searching (lib/background/library-index.ts caches it per paper). */
export interface SearchablePaper {
  id: string;
  /** Title, authors, tags, note and id, normalized, space-separated and space-padded. */
  text: string;
  /** Each normalized and space-padded, so that " smi" finds a word start. */
  authors: string[];
  tags: string[];
  topics: string[];
  benchmarks: string[];
  read: boolean;
  noted: boolean;
}

export function searchableOf(paper: PaperFacets): SearchablePaper {
  const pad = (text: string) => ` ${normalizeForSearch(text)} `;
  return {
    id: paper.id,
    text: pad([paper.title, ...paper.authors, ...paper.tags, paper.note, paper.id].join(' ')),
    authors: paper.authors.map(pad),
    tags: paper.tags.map(normalizeForSearch),
    topics: paper.topics.map(normalizeForSearch),
    benchmarks: paper.benchmarks.map(normalizeForSearch),
    read: paper.readAt !== undefined,
    noted: paper.note.trim() !== '',
  };
}

/** A query with its values normalized once, ready to test many papers. */
export interface CompiledQuery {
  test(paper: SearchablePaper): boolean;
  /** True when every paper matches (no terms). */
  readonly everything: boolean;
}

export function compileQuery(query: LibraryQuery): CompiledQuery {
  const tests = query.terms.flatMap((term) => {
    const test = termTest(term);
    if (!test) return [];
    return [term.negated ? (paper: SearchablePaper) => !test(paper) : test];
  });
  return { everything: tests.length === 0, test: (paper) => tests.every((test) => test(paper)) };
}

function termTest(term: QueryTerm): ((paper: SearchablePaper) => boolean) | undefined {
  const value = normalizeForSearch(term.value);
  switch (term.field) {
    case 'id':
      return (paper) => paper.id === term.value || paper.text.includes(` ${value} `);
    case 'text':
      return value ? (paper) => paper.text.includes(value) : undefined;
    case 'author':
      return value ? (paper) => paper.authors.some((author) => author.includes(` ${value}`)) : undefined;
    case 'tag':
      return value ? (paper) => paper.tags.includes(value) : undefined;
    case 'topic':
      return value ? (paper) => paper.topics.some((topic) => topic === value || topic.startsWith(`${value} `)) : undefined;
    case 'bench':
      return value ? (paper) => paper.benchmarks.includes(value) : undefined;
    case 'is':
      return IS_TESTS[term.value as IsValue];
  }
}

const IS_TESTS: Record<IsValue, (paper: SearchablePaper) => boolean> = {
  read: (paper) => paper.read,
  unread: (paper) => !paper.read,
  tagged: (paper) => paper.tags.length > 0,
  untagged: (paper) => paper.tags.length === 0,
  noted: (paper) => paper.noted,
};

/**
 * What Paperlight knows about one paper, whichever site showed it.
 *
 * Identity: the arXiv id without the `arXiv:` prefix and the version suffix (`2609.31620`,
 * `hep-th/9901001`); papers without one use a prefixed id of their own site (`doi:10.1145/...`,
 * `openreview:AbCdEf`, `acl:2024.acl-long.1`). See `lib/paper-id.ts`.
 */
export type PaperId = string;

/** The site an entry was read from: one adapter each (lib/sites). */
export type SiteName = string;

/** A paper as an adapter reads it off a page. */
export interface PaperEntry {
  id: PaperId;
  site: SiteName;
  /** Canonical link to the paper on the site it was seen on. */
  url: string;
  title: string;
  authors: string[];
  /** Empty when the page carries no abstract for this entry. */
  abstract: string;
  /** ISO date (yyyy-mm-dd) when the page says when the paper was published, else undefined. */
  published?: string;
}

/** A saved paper, as the `papers` store keeps it. */
export interface SavedPaper extends PaperEntry {
  /** Topic ids (lib/extract/topics), as extracted when the paper was saved. */
  topics: string[];
  /** Canonical benchmark names, catalogue and discovered. */
  benchmarks: string[];
  /** ms since epoch. */
  savedAt: number;
  /** ms since epoch; the last change to this record (merges: newer edit wins). */
  updatedAt: number;
}

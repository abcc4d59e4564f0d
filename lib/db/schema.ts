import type { DBSchema } from 'idb';
import type { PaperId, SavedPaper } from '../paper';

/** The one IndexedDB database of Paperlight, owned by the background worker. */
export const DB_NAME = 'paperlight';

/**
 * W3C Web Annotation style description of the highlighted text (issue 5): the exact quote with about
 * 32 characters either side, and its character offsets within the entry's title or abstract text.
 */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** A highlight as the `highlights` store keeps it. Never deleted because it could not be anchored. */
export interface StoredHighlight {
  /** Random id (crypto.randomUUID()). */
  id: string;
  paperId: PaperId;
  /** Which text of the entry the selectors describe. */
  field: 'title' | 'abstract';
  /** Colour name from the toolbar's palette (e.g. 'yellow'). */
  color: string;
  /** The user's note; empty when none. */
  note: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /** ms since epoch. */
  createdAt: number;
  /** ms since epoch; merges keep the newer edit. */
  updatedAt: number;
}

/**
 * A saved paper with what the reader added to it (issue 6): the record the `papers` store keeps. The fields
 * are optional because records saved before version 5 lack them (no tags, no note, unread); code reads them
 * through lib/library/paper-fields.ts.
 */
export interface LibraryPaper extends SavedPaper {
  /** The reader's tags: trimmed, unique, sorted (lib/library/tags.ts normalizeTags). One index key each. */
  tags?: string[];
  /** The reader's note; absent or '' when none. */
  note?: string;
  /** ms since epoch when the reader marked it read; absent while unread. */
  readAt?: number;
}

/**
 * What the digest keeps of a saved paper: enough to count, order, filter and search the library (and for
 * sync to compare states), no abstract.
 */
export interface PaperFacets {
  id: PaperId;
  savedAt: number;
  /** Since version 5 (the sync engine compares it). */
  updatedAt: number;
  title: string;
  authors: string[];
  topics: string[];
  benchmarks: string[];
  tags: string[];
  /** '' when none (searched as free words). */
  note: string;
  readAt?: number;
  /** yyyy-mm-dd as the page said, for sorting by publication date. */
  published?: string;
}

/**
 * One record of the `digest` store: the facets of the saved papers whose id hashes to `chunk`
 * (lib/db/digest.ts). A few dozen records hold the whole library, so the worker rebuilds its in-memory
 * index in one small read instead of one record per paper (browsers pay per record).
 */
export interface DigestChunk {
  chunk: number;
  papers: PaperFacets[];
}

/** Schema at the newest version; lib/db/upgrade.ts builds it step by step. */
export interface PaperlightSchema extends DBSchema {
  papers: {
    key: PaperId;
    value: LibraryPaper;
    indexes: {
      /** Newest-first listing (cursor direction 'prev'). */
      'by-savedAt': number;
      /** multiEntry: one key per topic id. */
      'by-topic': string;
      /** multiEntry: one key per benchmark name. */
      'by-benchmark': string;
      /** multiEntry: one key per tag (version 5). */
      'by-tag': string;
    };
  };
  /** Kept in step with `papers` by every write, in the same transaction (lib/db/papers.ts). */
  digest: {
    key: number;
    value: DigestChunk;
  };
  highlights: {
    key: string;
    value: StoredHighlight;
    indexes: {
      'by-paper': PaperId;
    };
  };
}

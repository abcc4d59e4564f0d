import type { IDBPObjectStore, StoreNames } from 'idb';
import type { PaperId } from '../paper';
import type { PaperlightDb } from './open';
import type { DigestChunk, LibraryPaper, PaperFacets, PaperlightSchema } from './schema';
import { inTransaction } from './transaction';

/**
 * The `digest` store: every saved paper's facets (ids, times, title, authors, topics, benchmarks, tags, note,
 * read and publication dates: all but the abstract) packed into
 * DIGEST_CHUNKS records. Why: the popup's summary and search need those fields of every paper, and reading
 * 10,000 paper records costs seconds in Chromium (the price is per record, abstracts make it worse), while
 * reading a few chunks costs tens of milliseconds. Each write updates the one chunk its paper hashes to, in the
 * same transaction as the paper itself, so the digest cannot drift from the `papers` store.
 *
 * How many chunks: Chromium's IndexedDB charges about a millisecond per record read, far more than per byte
 * (measured with 10,000 papers in Chromium: 64 chunks of 60 KB read in ~250 ms, 8-16 chunks
 * in ~40 ms), while a write rewrites its whole chunk (16 chunks: ~250 KB each at 10,000 papers). Earlier
 * versions used 64 chunks; `readDigest` rebuilds a digest of another layout (as it does one that disagrees
 * with the papers), so the number can change without a version step.
 */
export const DIGEST_CHUNKS = 16;

/**
 * Only the facet fields: a digest row (or index entry) made from a full record must not carry the abstract.
 * Records from before version 5 have no tags, note or read time: they read as none.
 */
export function facetsOf(paper: LibraryPaper | PaperFacets): PaperFacets {
  const facets: PaperFacets = {
    id: paper.id,
    savedAt: paper.savedAt,
    updatedAt: paper.updatedAt ?? paper.savedAt,
    title: paper.title,
    authors: paper.authors ?? [],
    topics: paper.topics,
    benchmarks: paper.benchmarks,
    tags: paper.tags ?? [],
    note: paper.note ?? '',
  };
  if (paper.readAt !== undefined) facets.readAt = paper.readAt;
  if (paper.published !== undefined) facets.published = paper.published;
  return facets;
}

/** Which chunk holds a paper: FNV-1a hash of its id, so chunks fill evenly whatever the ids look like. */
export function digestChunkOf(id: PaperId): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % DIGEST_CHUNKS;
}

/** A store of a transaction that may write (a readwrite one, or the upgrade's). */
type WritableStore<Name extends StoreNames<PaperlightSchema>> = IDBPObjectStore<
  PaperlightSchema,
  ArrayLike<StoreNames<PaperlightSchema>>,
  Name,
  'readwrite' | 'versionchange'
>;

/** Put (`facets`) or take out (undefined) paper `id`'s row, inside the transaction that writes the paper. */
export function updateDigest(digest: WritableStore<'digest'>, id: PaperId, facets: LibraryPaper | PaperFacets | undefined): Promise<void> {
  return updateDigestRows(digest, new Map([[id, facets]]));
}

/**
 * Several papers' rows at once (an import writes thousands in one transaction): each chunk is read and
 * written once, so two papers of the same chunk cannot overwrite each other's change.
 */
export async function updateDigestRows(
  digest: WritableStore<'digest'>,
  changes: ReadonlyMap<PaperId, LibraryPaper | PaperFacets | undefined>,
): Promise<void> {
  const byChunk = new Map<number, PaperId[]>();
  for (const id of changes.keys()) {
    const chunk = digestChunkOf(id);
    byChunk.set(chunk, [...(byChunk.get(chunk) ?? []), id]);
  }
  const chunks = [...byChunk.keys()];
  const stored = await Promise.all(chunks.map((chunk) => digest.get(chunk)));
  await Promise.all(
    chunks.map((chunk, i) => {
      const ids = new Set(byChunk.get(chunk));
      const papers = (stored[i]?.papers ?? []).filter((paper) => !ids.has(paper.id));
      for (const id of ids) {
        const facets = changes.get(id);
        if (facets) papers.push(facetsOf(facets));
      }
      return digest.put({ chunk, papers });
    }),
  );
}

/** Replace the whole digest with one built from the `papers` store (upgrade step, or repair). */
export async function rebuildDigest(papers: WritableStore<'papers'>, digest: WritableStore<'digest'>): Promise<void> {
  const chunks: DigestChunk[] = Array.from({ length: DIGEST_CHUNKS }, (_, chunk) => ({ chunk, papers: [] }));
  let range: IDBKeyRange | undefined;
  for (;;) {
    const batch = await papers.getAll(range, 500);
    for (const paper of batch) chunks[digestChunkOf(paper.id)]!.papers.push(facetsOf(paper));
    const last = batch[batch.length - 1];
    if (!last || batch.length < 500) break;
    range = IDBKeyRange.lowerBound(last.id, true);
  }
  await digest.clear();
  await Promise.all(chunks.map((chunk) => digest.put(chunk)));
}

/**
 * The facets of every saved paper. The digest is checked against the `papers` count and its chunk layout, and
 * rebuilt from the papers (slow, once) if they disagree: the store is the truth, the digest only a faster way
 * to read it.
 */
export async function readDigest(db: PaperlightDb): Promise<PaperFacets[]> {
  const first = await readDigestAndCount(db);
  if (first.current) return first.facets;
  await inTransaction(db, ['papers', 'digest'], 'readwrite', (tx) =>
    rebuildDigest(tx.objectStore('papers'), tx.objectStore('digest')),
  );
  return (await readDigestAndCount(db)).facets;
}

function readDigestAndCount(db: PaperlightDb): Promise<{ facets: PaperFacets[]; current: boolean }> {
  return inTransaction(db, ['papers', 'digest'], 'readonly', async (tx) => {
    const [chunks, paperCount] = await Promise.all([tx.objectStore('digest').getAll(), tx.objectStore('papers').count()]);
    const facets = chunks.flatMap((chunk) => chunk.papers);
    // A chunk number past the last one: written with another DIGEST_CHUNKS, its rows are in the wrong chunks.
    return { facets, current: facets.length === paperCount && chunks.every((chunk) => chunk.chunk < DIGEST_CHUNKS) };
  });
}

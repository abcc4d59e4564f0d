import type { IDBPObjectStore, StoreNames } from 'idb';
import type { PaperId } from '../paper';
import type { PaperlightDb } from './open';
import type { DigestChunk, PaperFacets, PaperlightSchema } from './schema';
import { inTransaction } from './transaction';

/**
 * The `digest` store: every saved paper's facets (id, savedAt, title, topics, benchmarks) packed into
 * DIGEST_CHUNKS records. Why: the popup's summary and search need those fields of every paper, and reading
 * 10,000 paper records costs seconds in Chromium (the price is per record, abstracts make it worse), while
 * reading a few dozen chunks costs milliseconds. Each write updates the one chunk its paper hashes to, in the
 * same transaction as the paper itself, so the digest cannot drift from the `papers` store.
 */
export const DIGEST_CHUNKS = 64;

/** Only the facet fields: a digest row (or index entry) made from a full record must not carry the abstract. */
export function facetsOf(paper: PaperFacets): PaperFacets {
  return { id: paper.id, savedAt: paper.savedAt, title: paper.title, topics: paper.topics, benchmarks: paper.benchmarks };
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
export async function updateDigest(digest: WritableStore<'digest'>, id: PaperId, facets: PaperFacets | undefined): Promise<void> {
  const chunk = digestChunkOf(id);
  const stored = await digest.get(chunk);
  const papers = (stored?.papers ?? []).filter((paper) => paper.id !== id);
  if (facets) papers.push(facetsOf(facets));
  await digest.put({ chunk, papers });
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
 * The facets of every saved paper. The digest is checked against the `papers` count, and rebuilt from the
 * papers (slow, once) if they disagree: the store is the truth, the digest only a faster way to read it.
 */
export async function readDigest(db: PaperlightDb): Promise<PaperFacets[]> {
  const first = await readDigestAndCount(db);
  if (first.facets.length === first.paperCount) return first.facets;
  await inTransaction(db, ['papers', 'digest'], 'readwrite', (tx) =>
    rebuildDigest(tx.objectStore('papers'), tx.objectStore('digest')),
  );
  return (await readDigestAndCount(db)).facets;
}

function readDigestAndCount(db: PaperlightDb): Promise<{ facets: PaperFacets[]; paperCount: number }> {
  return inTransaction(db, ['papers', 'digest'], 'readonly', async (tx) => {
    const [chunks, paperCount] = await Promise.all([tx.objectStore('digest').getAll(), tx.objectStore('papers').count()]);
    return { facets: chunks.flatMap((chunk) => chunk.papers), paperCount };
  });
}

export { DB_NAME, type PaperFacets, type PaperlightSchema, type StoredHighlight } from './schema';
export { DIGEST_CHUNKS, digestChunkOf, facetsOf, readDigest } from './digest';
export { DB_VERSION } from './upgrade';
export { lazyConnection, openPaperlightDb, type PaperlightDb } from './open';
export { mergeResave, type PaperToSave } from './resave';
export {
  countSavedPapers,
  getSavedPaper,
  getSavedPapers,
  listNewestSavedPapers,
  removePaper,
  savePaper,
  savedIdsAmong,
} from './papers';
export { type LibraryPaper } from './schema';
export { updateDigestRows } from './digest';
export {
  editPaper,
  mergeLibraryRecords,
  readAllPapers,
  takePaper,
  type EditOutcome,
  type LibraryMergeOutcome,
  type MergeOutcome,
} from './library-records';

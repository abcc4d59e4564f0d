/**
 * What the sync engine needs from this browser's library (IndexedDB, the source of truth), implemented in
 * lib/background/sync-store.ts over the library functions (so the popup's index follows and open pages
 * hear about each change). Tests use an in-memory one.
 */
import type { PaperId } from '../paper';
import type { HighlightState, PaperState } from './records';

export interface LocalSnapshot {
  /** Every saved paper, with details (title, topics, benchmarks). */
  papers: PaperState[];
  highlights: HighlightState[];
}

export type LocalChange =
  | { type: 'put-paper'; paper: PaperState; existing?: PaperState }
  | { type: 'remove-paper'; id: PaperId }
  | { type: 'put-highlight'; highlight: HighlightState }
  | { type: 'remove-highlight'; id: string };

export interface SyncLocalStore {
  snapshot(): Promise<LocalSnapshot>;
  /**
   * Apply changes that came from other browsers. Resolves with the record keys (lib/sync/records.ts) of
   * the changes that could not be applied (they are tried again next time); never rejects for one change.
   */
  apply(changes: readonly LocalChange[]): Promise<Set<string>>;
}

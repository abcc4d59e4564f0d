import type { EntryFeature } from '../entry-features';
import type { FeatureContext } from '../paperlight';

/** Every entry feature the content script runs, in the order they see each entry. One line per feature. */
export function entryFeatures(_context: FeatureContext): EntryFeature[] {
  return [];
}

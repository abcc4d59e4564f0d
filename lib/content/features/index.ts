import type { EntryFeature } from '../entry-features';
import type { FeatureContext } from '../paperlight';
import { highlightsFeature } from './highlights';
import { keyboardFeature } from './keyboard';
import { requestTriageLibrary } from './keyboard/triage-library';
import { seenFeature } from './seen';
import { watchFeature } from './watch';

/** Every entry feature the content script runs, in the order they see each entry. One line per feature. */
export function entryFeatures(context: FeatureContext): EntryFeature[] {
  const seen = seenFeature(context);
  return [
    highlightsFeature(context),
    watchFeature(context),
    seen,
    keyboardFeature(context, {
      triage: requestTriageLibrary(context.request, context.library),
      onVisit: (entry) => seen.markSeen(entry.paper.id),
    }),
  ];
}

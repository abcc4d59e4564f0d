import type { Extraction, ExtractInput } from './types';
export type * from './types';

// PLACEHOLDER until the extraction engine lands (issue 3): returns nothing. Do not ship.
export function extract(_input: ExtractInput): Extraction {
  return { benchmarks: [], topics: [], results: [] };
}

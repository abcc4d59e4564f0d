/**
 * The arXiv fixtures' expected values (tests/fixtures/arxiv/expected-counts.json, written by the fixture
 * generator from its listing model, independently of any adapter) and a helper that runs an adapter over a
 * whole fixture page the way the content script does (every root the entry selector matches).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnyAdapter } from '../../../lib/sites';
import type { DetectedEntry } from '../../../lib/sites/types';
import { parseFixture } from './fixtures';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures');

export interface ExpectedListing {
  url: string;
  totalEntries: number;
  entriesWithAbstract: number;
  firstId: string | null;
  lastId: string | null;
  sections: { heading: string; kind: string; entries: number; totalInSection: number; withAbstract: number }[];
  entries?: { id: string; title: string; authors: string[]; abstractStart: string }[];
}

export function expectedCounts<T = Record<string, unknown>>(site: string): Record<string, T> {
  const raw = JSON.parse(readFileSync(join(FIXTURES, site, 'expected-counts.json'), 'utf8')) as { fixtures: Record<string, T> };
  return raw.fixtures;
}

/** Typed as the caller says: listings, abstract pages and search pages record different fields. */
export const arxivExpected = <T = ExpectedListing>() => expectedCounts<T>('arxiv');

/** Run `adapter` over every entry root of a fixture page. `href` is the URL the page stands for. */
export function detectAll(
  path: string,
  adapter: AnyAdapter,
  href: string,
): { doc: Document; entries: DetectedEntry[]; roots: Element[] } {
  const doc = parseFixture(path);
  const context: unknown = adapter.readContext(doc, new URL(href));
  const roots = [...doc.querySelectorAll(adapter.entrySelector)];
  const entries = roots.map((root) => adapter.readEntry(root, context)).filter((e): e is DetectedEntry => e !== undefined);
  return { doc, entries, roots };
}

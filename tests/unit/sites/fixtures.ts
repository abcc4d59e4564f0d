/**
 * Saved pages for DOM tests (happy-dom). Scripts, stylesheets and frames are stripped first: the tests
 * read the markup a content script sees, and must never reach the network for a capture's assets.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// A string, not `new URL(...)`: under happy-dom the global URL is the DOM's, not Node's.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures');

export function fixtureHtml(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8')
    // Comments first: a fixture note mentioning "<script> tags" would otherwise start a script match.
    .replace(/<!--[\s\S]*?-->/g, '')
    // Executable scripts go; data blocks a content script reads (JSON-LD) stay.
    .replace(/<script\b(?![^>]*type=["']?application\/ld\+json)[\s\S]*?<\/script>/gi, '')
    .replace(/<iframe\b[\s\S]*?<\/iframe>/gi, '')
    .replace(/<link\b[^>]*>/gi, '');
}

/** A fixture parsed into its own document (adapter tests: pure reading). */
export function parseFixture(path: string): Document {
  return new DOMParser().parseFromString(fixtureHtml(path), 'text/html');
}

/** Replace the test's live document with a fixture (content tests: observers, shadow roots). */
export function showFixture(path: string): Document {
  const parsed = parseFixture(path);
  document.documentElement.className = parsed.documentElement.className;
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
  document.body.className = parsed.body.className;
  return document;
}

/** The DailyPapers hydration JSON of a fixture, read independently of the adapter (expected values). */
export function dailyPapersJson(doc: Document): { paper: { id: string; title: string; summary?: string; authors?: { name: string; hidden?: boolean }[] } }[] {
  const raw = doc.querySelector('[data-target="DailyPapers"]')?.getAttribute('data-props');
  return raw ? (JSON.parse(raw) as { dailyPapers: never[] }).dailyPapers : [];
}

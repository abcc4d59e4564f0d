/**
 * What every site adapter needs to read someone else's page without trusting it: text normalisation,
 * selector lists with fallbacks, author lists, embedded JSON. Every function here returns an empty
 * value or `undefined` on input it cannot read; none of them throws.
 */

/** Characters that change how text looks in the DOM but not what it says. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/**
 * One line of plain text as a reader sees it: invisible characters gone, every run of whitespace
 * (newlines, tabs, non-breaking spaces from templates) one space, trimmed, Unicode NFC.
 */
export function normalizeText(text: string | null | undefined): string {
  if (!text) return '';
  return text.replace(INVISIBLE, '').replace(WHITESPACE_TO_REWRITE, ' ').trim().normalize('NFC');
}

/**
 * The whitespace that is not already one plain space: runs of two or more, and single tabs, newlines,
 * no-break spaces... Same result as `/\s+/g` → ' ', but the single spaces between words (most of an
 * abstract) are not matched and rewritten one by one: half the cost on a 2,000-entry listing.
 * The run comes first in the alternation so a run is always replaced whole.
 */
const WHITESPACE_TO_REWRITE = /\s{2,}|[^\S ]/g;

/** The normalised text of an element, '' when there is no element. */
export function textOf(element: Element | null | undefined): string {
  return normalizeText(element?.textContent);
}

/**
 * Selectors are written as lists of alternatives, newest page variant first, each with a comment
 * naming the variant. This returns the first element any of them finds.
 */
export function queryFirst(root: ParentNode, selectors: readonly string[]): Element | undefined {
  for (const selector of selectors) {
    const found = safeQuery(root, selector);
    if (found) return found;
  }
  return undefined;
}

/** The elements the first successful alternative finds (alternatives are not mixed). */
export function queryAllFirst(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const selector of selectors) {
    const found = safeQueryAll(root, selector);
    if (found.length > 0) return found;
  }
  return [];
}

/** A selector list as one CSS selector (for `matches` / the page observer). */
export function anyOf(selectors: readonly string[]): string {
  return selectors.join(', ');
}

function safeQuery(root: ParentNode, selector: string): Element | undefined {
  try {
    return root.querySelector(selector) ?? undefined;
  } catch {
    return undefined; // a selector the engine does not support: treat as "not found", never throw
  }
}

function safeQueryAll(root: ParentNode, selector: string): Element[] {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return [];
  }
}

/** Words that label an author list rather than name an author. */
const NOT_A_NAME = /^(?:et al\.?|and others|others|authors?:?|by|\d+ authors?|·)$/i;

/**
 * A clean author list: names normalised, labels ("Authors:", "· 10 authors", "et al.") and empties
 * dropped, duplicates (same name twice in an avatar stack and a tooltip) kept once, order kept.
 */
export function cleanAuthorList(names: Iterable<string | null | undefined>): string[] {
  const seen = new Set<string>();
  const authors: string[] = [];
  for (const raw of names) {
    const name = normalizeText(raw)
      .replace(/^(?:[·•,;]\s*)+|^(?:and|&)\s+/i, '')
      .replace(/[,;]$/, '')
      .trim();
    if (!name || NOT_A_NAME.test(name)) continue;
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    authors.push(name);
  }
  return authors;
}

/**
 * Authors from one line of text: "A, B, C and D", "A; B; C", "A, B, et al.". Commas inside a
 * name ("Smith, J.") are not supported: sites that write names that way need their own reader.
 */
export function splitAuthorLine(line: string): string[] {
  const text = normalizeText(line).replace(/^authors?:\s*/i, '');
  if (!text) return [];
  const parts = text.split(/\s*;\s*|\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+/i);
  return cleanAuthorList(parts);
}

/** JSON kept in an attribute (hydration props, data-* blobs); undefined when absent or malformed. */
export function readJsonAttribute(element: Element | null | undefined, attribute: string): unknown {
  const raw = element?.getAttribute(attribute);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field of untrusted JSON, '' when missing or not a string. */
export function stringField(record: Record<string, unknown>, key: string): string {
  const value = record[key];
  return typeof value === 'string' ? value : '';
}

/** The yyyy-mm-dd part of an ISO timestamp, or undefined. */
export function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(value.trim());
  return match?.[1];
}

/** `href` resolved against the page, or undefined when it is not a usable URL. */
export function absoluteUrl(href: string | null | undefined, base: string): URL | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

/** "Title: Foo" → "Foo": a label the site prints inside the element (arXiv's `span.descriptor`). */
export function withoutLabel(text: string, label: string): string {
  return text.startsWith(label) ? text.slice(label.length).trim() : text;
}

/**
 * Which elements of an entry hold text a reader can highlight, and what inside them is not the paper's text.
 */
import type { TextMapOptions } from '../../../highlights/text-map';
import type { AnnotatedEntry } from '../../entry-features';

export const FIELDS = ['title', 'abstract'] as const;
export type Field = (typeof FIELDS)[number];

/**
 * Labels and controls that sites print inside title and abstract elements: not part of the paper's words,
 * so not part of the text positions count in (the same highlight then has the same position on every site).
 */
const NOT_PAPER_TEXT = [
  // arXiv listings (2024 and legacy layouts) and abstract pages: span.descriptor "Title:", "Abstract:".
  '.descriptor',
  // arXiv search results: the "▽ More" / "△ Less" toggle links (a.is-size-7) ending span.abstract-short /
  // span.abstract-full (other links in an abstract are its text).
  '.abstract-short > a.is-size-7',
  '.abstract-full > a.is-size-7',
];

export const FIELD_TEXT: TextMapOptions = { ignore: NOT_PAPER_TEXT.join(', ') };

/**
 * Fields whose TeX a typesetter has yet to render. arXiv's MathJax 2 (tex2jax with `ignoreClass: '.*'`,
 * `processClass: 'mathjax.*'`) typesets only inside `.mathjax` elements and skips every child element without
 * that class, so TeX wrapped in one of our marks would stay raw for good. In these fields, `$…$` is left out of
 * the marks until it has been typeset; the formula is then highlighted whole.
 */
const TYPESET_LATER = ['.mathjax'];

export function typesetsLater(element: Element): boolean {
  return TYPESET_LATER.some((selector) => element.closest(selector) !== null);
}

/** The element showing one field of an entry, when the page shows it. */
export function fieldElement(entry: AnnotatedEntry, field: Field): Element | undefined {
  const element = field === 'title' ? entry.detected.titleElement : entry.detected.abstractElement;
  return element?.isConnected ? element : undefined;
}

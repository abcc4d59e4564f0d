import type { PaperId } from './paper';

// New-style (0704.0001 onwards: 4 digits, dot, 4-5 digits) and old-style (archive[.subject]/7 digits) ids,
// each optionally prefixed by "arXiv:" and suffixed by a version "v3".
const ARXIV_NEW = /^(?:arxiv:)?(\d{4}\.\d{4,5})(?:v\d+)?$/i;
const ARXIV_OLD = /^(?:arxiv:)?([a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?$/i;

/** The arXiv id without prefix and version, or undefined when `raw` is not an arXiv id. */
export function normalizeArxivId(raw: string): PaperId | undefined {
  const text = raw.trim();
  const modern = ARXIV_NEW.exec(text);
  if (modern) return modern[1];
  const legacy = ARXIV_OLD.exec(text);
  return legacy ? legacy[1]!.toLowerCase() : undefined;
}

/** The arXiv id inside a URL path such as /abs/2401.01234v2, /pdf/2401.01234, /papers/2401.01234. */
export function arxivIdFromPath(path: string): PaperId | undefined {
  const m = /\/(?:abs|pdf|html|papers|paper)\/((?:[a-z-]+(?:\.[a-z]{2})?\/)?\d{4}\.?\d{3,5}(?:v\d+)?)/i.exec(path);
  return m ? normalizeArxivId(m[1]!.replace(/\.pdf$/i, '')) : undefined;
}

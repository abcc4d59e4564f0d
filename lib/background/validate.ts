import type { PaperToSave } from '../db';
import type { RequestType, Requests } from '../messaging/protocol';
import { normalizeArxivId } from '../paper-id';

/**
 * Requests come from content scripts that read hostile pages, so every payload is checked here before it
 * reaches the store: types, sizes, and links the popup will render (http/https only). What is stored is
 * rebuilt field by field, so nothing else a message carries gets in.
 */
export class InvalidRequest extends Error {
  override name = 'InvalidRequest';
}

const LIMITS = {
  idLength: 200,
  siteLength: 64,
  urlLength: 2_048,
  titleLength: 2_000,
  abstractLength: 50_000,
  authorLength: 500,
  authors: 2_000,
  labelLength: 200,
  topics: 50,
  benchmarks: 300,
  statusIds: 5_000,
  queryLength: 500,
  pageSize: 500,
} as const;

type PayloadReaders = { [K in RequestType]: (message: Record<string, unknown>) => Requests[K]['payload'] };

const PAYLOAD_READERS: PayloadReaders = {
  'paper/save': (message) => ({ paper: readPaperToSave(message.paper) }),
  'paper/remove': (message) => ({ id: readPaperId(message.id, 'id') }),
  'paper/status': (message) => ({
    ids: readList(message.ids, 'ids', LIMITS.statusIds, (id, field) => readString(id, field, LIMITS.idLength)),
  }),
  'library/summary': () => ({}),
  'library/list': (message) => {
    const query = message.query === undefined ? undefined : readString(message.query, 'query', LIMITS.queryLength, true);
    const offset = readInteger(message.offset, 'offset', 0, Number.MAX_SAFE_INTEGER);
    const limit = readInteger(message.limit, 'limit', 1, LIMITS.pageSize);
    return query === undefined ? { offset, limit } : { query, offset, limit };
  },
};

export function isRequestType(type: string): type is RequestType {
  return Object.hasOwn(PAYLOAD_READERS, type);
}

/** The checked payload of a request, or throws InvalidRequest saying what is wrong. */
export function readPayload<K extends RequestType>(type: K, message: Record<string, unknown>): Requests[K]['payload'] {
  return PAYLOAD_READERS[type](message);
}

/** Paper ids: an arXiv id as lib/paper-id.ts normalizes it, or `<scheme>:<id>` for papers without one. */
function isPaperId(id: string): boolean {
  if (id.length > LIMITS.idLength) return false;
  return normalizeArxivId(id) === id || /^[a-z][a-z0-9-]*:\S+$/.test(id);
}

function readPaperToSave(raw: unknown): PaperToSave {
  const paper = readObject(raw, 'paper');
  const saved: PaperToSave = {
    id: readPaperId(paper.id, 'paper.id'),
    site: readString(paper.site, 'paper.site', LIMITS.siteLength),
    url: readWebUrl(paper.url, 'paper.url'),
    title: readString(paper.title, 'paper.title', LIMITS.titleLength).trim(),
    authors: readList(paper.authors, 'paper.authors', LIMITS.authors, (author, field) =>
      readString(author, field, LIMITS.authorLength, true),
    ),
    abstract: readString(paper.abstract, 'paper.abstract', LIMITS.abstractLength, true),
    topics: readLabels(paper.topics, 'paper.topics', LIMITS.topics),
    benchmarks: readLabels(paper.benchmarks, 'paper.benchmarks', LIMITS.benchmarks),
  };
  if (!saved.title) throw new InvalidRequest('paper.title is empty');
  if (paper.published !== undefined) saved.published = readIsoDate(paper.published, 'paper.published');
  return saved;
}

function readPaperId(raw: unknown, field: string): string {
  const id = readString(raw, field, LIMITS.idLength);
  if (!isPaperId(id)) throw new InvalidRequest(`${field} is not a paper id: "${id.slice(0, 40)}"`);
  return id;
}

function readWebUrl(raw: unknown, field: string): string {
  const text = readString(raw, field, LIMITS.urlLength);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidRequest(`${field} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InvalidRequest(`${field} must be an http(s) link`);
  return url.href;
}

function readIsoDate(raw: unknown, field: string): string {
  const text = readString(raw, field, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new InvalidRequest(`${field} must be a yyyy-mm-dd date`);
  return text;
}

/** Topic ids or benchmark names: non-empty strings, duplicates dropped. */
function readLabels(raw: unknown, field: string, max: number): string[] {
  const labels = readList(raw, field, max, (label, itemField) => readString(label, itemField, LIMITS.labelLength).trim());
  return [...new Set(labels.filter(Boolean))];
}

function readObject(raw: unknown, field: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InvalidRequest(`${field} must be an object`);
  return raw as Record<string, unknown>;
}

function readString(raw: unknown, field: string, maxLength: number, allowEmpty = false): string {
  if (typeof raw !== 'string') throw new InvalidRequest(`${field} must be a string`);
  if (!allowEmpty && raw.length === 0) throw new InvalidRequest(`${field} is empty`);
  if (raw.length > maxLength) throw new InvalidRequest(`${field} is longer than ${maxLength} characters`);
  return raw;
}

function readList<T>(raw: unknown, field: string, maxItems: number, readItem: (item: unknown, field: string) => T): T[] {
  if (!Array.isArray(raw)) throw new InvalidRequest(`${field} must be a list`);
  if (raw.length > maxItems) throw new InvalidRequest(`${field} has more than ${maxItems} items`);
  return raw.map((item, i) => readItem(item, `${field}[${i}]`));
}

function readInteger(raw: unknown, field: string, min: number, max: number): number {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < min || raw > max) {
    throw new InvalidRequest(`${field} must be a whole number from ${min} to ${max}`);
  }
  return raw;
}

import { normalizeArxivId } from '../../paper-id';

/**
 * Field readers for request payloads. Requests come from content scripts that read hostile pages, so every
 * payload is checked before it reaches the store: types, sizes, and links the popup will render (http/https
 * only). Each reader returns the value or throws InvalidRequest naming the field.
 */
export class InvalidRequest extends Error {
  override name = 'InvalidRequest';
}

export const LIMITS = {
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

/** Paper ids: an arXiv id as lib/paper-id.ts normalizes it, or `<scheme>:<id>` for papers without one. */
export function isPaperId(id: string): boolean {
  if (id.length > LIMITS.idLength) return false;
  return normalizeArxivId(id) === id || /^[a-z][a-z0-9-]*:\S+$/.test(id);
}

export function readPaperId(raw: unknown, field: string): string {
  const id = readString(raw, field, LIMITS.idLength);
  if (!isPaperId(id)) throw new InvalidRequest(`${field} is not a paper id: "${id.slice(0, 40)}"`);
  return id;
}

export function readWebUrl(raw: unknown, field: string): string {
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

export function readIsoDate(raw: unknown, field: string): string {
  const text = readString(raw, field, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new InvalidRequest(`${field} must be a yyyy-mm-dd date`);
  return text;
}

/** Topic ids or benchmark names: non-empty strings, duplicates dropped. */
export function readLabels(raw: unknown, field: string, max: number): string[] {
  const labels = readList(raw, field, max, (label, itemField) => readString(label, itemField, LIMITS.labelLength).trim());
  return [...new Set(labels.filter(Boolean))];
}

export function readObject(raw: unknown, field: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InvalidRequest(`${field} must be an object`);
  return raw as Record<string, unknown>;
}

export function readString(raw: unknown, field: string, maxLength: number, allowEmpty = false): string {
  if (typeof raw !== 'string') throw new InvalidRequest(`${field} must be a string`);
  if (!allowEmpty && raw.length === 0) throw new InvalidRequest(`${field} is empty`);
  if (raw.length > maxLength) throw new InvalidRequest(`${field} is longer than ${maxLength} characters`);
  return raw;
}

export function readList<T>(raw: unknown, field: string, maxItems: number, readItem: (item: unknown, field: string) => T): T[] {
  if (!Array.isArray(raw)) throw new InvalidRequest(`${field} must be a list`);
  if (raw.length > maxItems) throw new InvalidRequest(`${field} has more than ${maxItems} items`);
  return raw.map((item, i) => readItem(item, `${field}[${i}]`));
}

export function readInteger(raw: unknown, field: string, min: number, max: number): number {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < min || raw > max) {
    throw new InvalidRequest(`${field} must be a whole number from ${min} to ${max}`);
  }
  return raw;
}

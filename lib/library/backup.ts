/**
 * The full JSON backup (issue 6): every saved paper with the reader's tags, note and read state, every
 * highlight, and every setting, with a format name and version so that a restore can tell a Paperlight
 * backup (and which one) from any other JSON file.
 *
 * Restoring reads the whole file first (`readBackup`): any problem (not JSON, cut off, not ours, a newer
 * format, a record with a wrong type, too large) is reported in plain words and nothing is written. Only a
 * file that passes every check is merged in (lib/db/library-records.ts).
 */
import type { LibraryPaper, StoredHighlight } from '../db/schema';
import { paperPayloadReaders } from '../background/payloads/papers';
import { InvalidRequest, LIMITS, readInteger, readList, readObject, readPaperId, readString } from '../background/payloads/read';
import { MAX_NOTE_LENGTH } from './edit';
import { MAX_TAG_LENGTH, MAX_TAGS_PER_PAPER, normalizeTags } from './tags';

export const BACKUP_FORMAT = 'paperlight-backup';
export const BACKUP_VERSION = 1;
/**
 * Larger files are refused before they are read. A library of 10,000 papers with abstracts and highlights
 * is about 25 MB; the limit leaves room for that while keeping the restore within what browsers pass in
 * one message (Chrome: 64 MiB) and hold in a service worker's memory.
 */
export const MAX_BACKUP_BYTES = 40 * 1024 * 1024;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO time of the export. */
  exportedAt: string;
  papers: LibraryPaper[];
  highlights: StoredHighlight[];
  /** Setting key (lib/settings/store.ts) → its value. */
  settings: Record<string, unknown>;
}

export function createBackup(parts: Omit<Backup, 'format' | 'version' | 'exportedAt'>, now = Date.now()): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString(), ...parts };
}

/**
 * The backup as text: valid JSON with one paper or highlight per line, so that the file is readable, diffs
 * well when kept in version control, and stays small (no indentation inside records).
 */
export function backupText(backup: Backup): string {
  return backupTextWith(backup, backup.papers.map((paper) => JSON.stringify(paper)));
}

/** The same text, its papers already written (`paperJson`: JSON.stringify of each, in order). */
export function backupTextWith(backup: Omit<Backup, 'papers'>, paperJson: readonly string[]): string {
  const list = (lines: readonly string[]) => (lines.length === 0 ? '[]' : `[\n${lines.join(',\n')}\n]`);
  return [
    '{',
    `"format": ${JSON.stringify(backup.format)},`,
    `"version": ${backup.version},`,
    `"exportedAt": ${JSON.stringify(backup.exportedAt)},`,
    `"settings": ${JSON.stringify(backup.settings)},`,
    `"papers": ${list(paperJson)},`,
    `"highlights": ${list(backup.highlights.map((highlight) => JSON.stringify(highlight)))}`,
    '}',
    '',
  ].join('\n');
}

export type BackupReading =
  | {
      ok: true;
      backup: Backup;
      /** Settings this version of Paperlight does not know (left out). */
      unknownSettings: string[];
    }
  | { ok: false; problem: string };

/** How to check each known setting's value: lib/settings/store.ts `Setting.parse`. */
export type SettingParsers = ReadonlyMap<string, (raw: unknown) => unknown>;

/** Check a whole backup file. Never throws: every problem becomes a sentence for the reader. */
export function readBackup(text: string, settingParsers: SettingParsers): BackupReading {
  if (text.length > MAX_BACKUP_BYTES) return { ok: false, problem: tooLargeProblem(text.length) };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: notJsonProblem(text, error) };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || (parsed as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, problem: 'This file is not a Paperlight backup (it is JSON, but not the kind Paperlight exports). Nothing was changed.' };
  }
  const raw = parsed as Record<string, unknown>;
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problem: `This backup has no valid format version (${JSON.stringify(version) ?? 'none'}). Nothing was changed.` };
  }
  if (version > BACKUP_VERSION) {
    return {
      ok: false,
      problem: `This backup was written by a newer Paperlight (format ${version}; this one reads format ${BACKUP_VERSION}). Update the extension, then restore it. Nothing was changed.`,
    };
  }
  try {
    const papers = readList(raw.papers, 'papers', Number.MAX_SAFE_INTEGER, (paper, field) => readBackupPaper(paper, field));
    const highlights = readList(raw.highlights ?? [], 'highlights', Number.MAX_SAFE_INTEGER, (highlight, field) =>
      readBackupHighlight(highlight, field),
    );
    const { settings, unknownSettings } = readSettings(raw.settings ?? {}, settingParsers);
    const exportedAt = typeof raw.exportedAt === 'string' ? raw.exportedAt : '';
    return { ok: true, backup: { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, papers, highlights, settings }, unknownSettings };
  } catch (error) {
    const detail = error instanceof InvalidRequest ? error.message : String(error);
    return { ok: false, problem: `This backup is damaged: ${detail}. Nothing was changed.` };
  }
}

export function tooLargeProblem(bytes: number): string {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  return `This file is ${mb(bytes)}, larger than any Paperlight backup can be (${mb(MAX_BACKUP_BYTES)} at most): it is not a Paperlight backup. Nothing was changed.`;
}

function notJsonProblem(text: string, error: unknown): string {
  const trimmed = text.trim();
  if (trimmed === '') return 'This file is empty. Nothing was changed.';
  const message = error instanceof Error ? error.message : String(error);
  // A file cut short (an interrupted download or copy) ends inside a value: the parser hits the end.
  if (/end of (JSON )?input|Unterminated|unexpected end/i.test(message) || (trimmed.startsWith('{') && !trimmed.endsWith('}'))) {
    return 'This backup is incomplete: the file ends too early (it was probably cut off while being downloaded or copied). Nothing was changed.';
  }
  return 'This file is not a Paperlight backup: it is not valid JSON. Nothing was changed.';
}

/** Milliseconds since 1970 up to the year 275760 (the largest Date). */
const MAX_TIME = 8.64e15;

/** A paper: the same checks as a save from a page (lib/background/payloads/papers.ts), plus the reader's fields. */
export function readBackupPaper(raw: unknown, field: string): LibraryPaper {
  const record = readObject(raw, field);
  const label = typeof record.id === 'string' ? `${field} (${record.id.slice(0, 40)})` : field;
  try {
    const paper: LibraryPaper = {
      ...paperPayloadReaders['paper/save']({ paper: record }).paper,
      savedAt: readInteger(record.savedAt, 'savedAt', 0, MAX_TIME),
      updatedAt: readInteger(record.updatedAt, 'updatedAt', 0, MAX_TIME),
    };
    if (record.tags !== undefined) {
      const tags = normalizeTags(
        readList(record.tags, 'tags', MAX_TAGS_PER_PAPER, (tag, tagField) => readString(tag, tagField, MAX_TAG_LENGTH)),
      );
      if (tags.length > 0) paper.tags = tags;
    }
    if (record.note !== undefined) {
      const note = readString(record.note, 'note', MAX_NOTE_LENGTH, true);
      if (note) paper.note = note;
    }
    if (record.readAt !== undefined) paper.readAt = readInteger(record.readAt, 'readAt', 0, MAX_TIME);
    return paper;
  } catch (error) {
    if (error instanceof InvalidRequest) throw new InvalidRequest(`${label}: ${error.message.replace(/^paper\./, '')}`);
    throw error;
  }
}

/** A highlight as the store keeps it (lib/db/schema.ts StoredHighlight). */
export function readBackupHighlight(raw: unknown, field: string): StoredHighlight {
  const h = readObject(raw, field);
  const quote = readObject(h.quote, `${field}.quote`);
  const position = readObject(h.position, `${field}.position`);
  const text = (value: unknown, name: string, max: number, allowEmpty = true) => readString(value, `${field}.${name}`, max, allowEmpty);
  const id = text(h.id, 'id', 64, false);
  if (!/^[A-Za-z0-9-]+$/.test(id)) throw new InvalidRequest(`${field}.id is not a highlight id`);
  if (h.field !== 'title' && h.field !== 'abstract') throw new InvalidRequest(`${field}.field must be "title" or "abstract"`);
  const start = readInteger(position.start, `${field}.position.start`, 0, LIMITS.abstractLength);
  const end = readInteger(position.end, `${field}.position.end`, start, LIMITS.abstractLength);
  return {
    id,
    paperId: readPaperId(h.paperId, `${field}.paperId`),
    field: h.field,
    color: text(h.color, 'color', 32, false),
    note: text(h.note, 'note', MAX_NOTE_LENGTH),
    quote: {
      type: 'TextQuoteSelector',
      exact: text(quote.exact, 'quote.exact', LIMITS.abstractLength, false),
      prefix: text(quote.prefix, 'quote.prefix', 1_000),
      suffix: text(quote.suffix, 'quote.suffix', 1_000),
    },
    position: { type: 'TextPositionSelector', start, end },
    createdAt: readInteger(h.createdAt, `${field}.createdAt`, 0, MAX_TIME),
    updatedAt: readInteger(h.updatedAt, `${field}.updatedAt`, 0, MAX_TIME),
  };
}

function readSettings(raw: unknown, parsers: SettingParsers): { settings: Record<string, unknown>; unknownSettings: string[] } {
  const stored = readObject(raw, 'settings');
  const settings: Record<string, unknown> = {};
  const unknownSettings: string[] = [];
  for (const [key, value] of Object.entries(stored)) {
    const parse = parsers.get(key);
    if (!parse) {
      unknownSettings.push(key);
      continue;
    }
    const parsed = parse(value);
    if (parsed === undefined) throw new InvalidRequest(`settings.${key} is not a valid value for that setting`);
    settings[key] = parsed;
  }
  return { settings, unknownSettings };
}

import { readBackupPaper, MAX_BACKUP_BYTES } from '../../library/backup';
import { MAX_NOTE_LENGTH, type PaperEdit } from '../../library/edit';
import { MAX_TAG_LENGTH, MAX_TAGS_PER_PAPER } from '../../library/tags';
import type { LibraryRequests, LibrarySort } from '../../messaging/requests/library';
import type { PayloadReaders } from '../validate';
import { InvalidRequest, LIMITS, readInteger, readList, readObject, readPaperId, readString } from './read';

/** Payload readers for the library requests (issue 6). */
export const libraryPayloadReaders: PayloadReaders<LibraryRequests> = {
  'library/search': (message) => ({
    query: readQuery(message.query),
    sort: readSort(message.sort),
    offset: readInteger(message.offset, 'offset', 0, Number.MAX_SAFE_INTEGER),
    limit: readInteger(message.limit, 'limit', 1, LIMITS.pageSize),
  }),
  'library/stats': (message) => ({ query: readQuery(message.query) }),
  'library/get': (message) => ({ ids: readList(message.ids, 'ids', LIMITS.statusIds, readPaperId) }),
  'library/edit': (message) => ({ id: readPaperId(message.id, 'id'), edit: readEdit(message.edit) }),
  'library/tags': () => ({}),
  'library/remove': (message) => ({ id: readPaperId(message.id, 'id') }),
  // Undo puts back what 'library/remove' handed out: checked like a paper in a backup.
  'library/restore': (message) => ({ paper: readBackupPaper(message.paper, 'paper') }),
  'library/export-data': (message) => ({ query: readQuery(message.query), sort: readSort(message.sort) }),
  'library/export-plan': (message) => ({ query: readQuery(message.query), sort: readSort(message.sort) }),
  // The text is checked by lib/library/backup.ts, which explains problems better than "invalid request";
  // this only bounds the size (twice the limit: a few characters may take more than one byte in the file).
  'library/import': (message) => ({ text: readString(message.text, 'text', 2 * MAX_BACKUP_BYTES, true) }),
};

function readQuery(raw: unknown): string {
  return readString(raw ?? '', 'query', LIMITS.queryLength, true);
}

function readSort(raw: unknown): LibrarySort {
  if (raw === undefined || raw === 'saved') return 'saved';
  if (raw === 'published') return 'published';
  throw new InvalidRequest('sort must be "saved" or "published"');
}

function readTags(raw: unknown, field: string): string[] {
  return readList(raw, field, MAX_TAGS_PER_PAPER, (tag, tagField) => readString(tag, tagField, MAX_TAG_LENGTH, true));
}

function readEdit(raw: unknown): PaperEdit {
  const edit = readObject(raw, 'edit');
  const checked: PaperEdit = {};
  if (edit.tags !== undefined) checked.tags = readTags(edit.tags, 'edit.tags');
  if (edit.addTags !== undefined) checked.addTags = readTags(edit.addTags, 'edit.addTags');
  if (edit.removeTags !== undefined) checked.removeTags = readTags(edit.removeTags, 'edit.removeTags');
  if (edit.note !== undefined) checked.note = readString(edit.note, 'edit.note', MAX_NOTE_LENGTH, true);
  if (edit.read !== undefined) {
    if (edit.read !== true && edit.read !== false && edit.read !== 'toggle') throw new InvalidRequest('edit.read must be true, false or "toggle"');
    checked.read = edit.read;
  }
  if (Object.keys(checked).length === 0) throw new InvalidRequest('edit changes nothing (tags, addTags, removeTags, note or read)');
  return checked;
}

/**
 * What the reader changes on a saved paper (popup, keyboard triage, sync): tags, note, read state. Pure, so
 * the store (lib/db/library-records.ts) applies it inside its transaction and tests check the rules alone.
 */
import type { LibraryPaper } from '../db/schema';
import { isRead, noteOf, tagsOf } from './paper-fields';
import { MAX_TAGS_PER_PAPER, normalizeTags } from './tags';

export const MAX_NOTE_LENGTH = 10_000;

export interface PaperEdit {
  /** Replace the tags. */
  tags?: string[];
  /** Add these tags (after `tags`, if both are given): what the keyboard's tag prompt sends. */
  addTags?: string[];
  removeTags?: string[];
  note?: string;
  /** Mark read (true), unread (false), or flip the current state ('toggle'). */
  read?: boolean | 'toggle';
}

/**
 * The record after `edit`, or `stored` itself when the edit changes nothing (the caller then writes
 * nothing). `updatedAt` moves to `now` (never backwards), so merges see the newer edit.
 */
export function applyEdit(stored: LibraryPaper, edit: PaperEdit, now: number): LibraryPaper {
  let tags = tagsOf(stored);
  if (edit.tags) tags = normalizeTags(edit.tags);
  if (edit.addTags) tags = normalizeTags([...tags, ...edit.addTags]);
  if (edit.removeTags) {
    const removed = new Set(normalizeTags(edit.removeTags));
    tags = tags.filter((tag) => !removed.has(tag));
  }
  tags = tags.slice(0, MAX_TAGS_PER_PAPER);
  const note = edit.note === undefined ? noteOf(stored) : edit.note.slice(0, MAX_NOTE_LENGTH);
  const read = edit.read === undefined ? isRead(stored) : edit.read === 'toggle' ? !isRead(stored) : edit.read;

  const unchanged = tags.join('\t') === tagsOf(stored).join('\t') && note === noteOf(stored) && read === isRead(stored);
  if (unchanged) return stored;

  // No tags, no note, unread: the fields are left out, as in records from before they existed (one spelling
  // for "none", so that backups and comparisons see the same record).
  const edited: LibraryPaper = { ...stored, tags, note, updatedAt: Math.max(now, stored.updatedAt) };
  if (tags.length === 0) delete edited.tags;
  if (note === '') delete edited.note;
  if (!read) delete edited.readAt;
  else if (!isRead(stored)) edited.readAt = now;
  return edited;
}

import { describe, expect, it } from 'vitest';
import type { LibraryPaper, StoredHighlight } from '../../../lib/db/schema';
import { applyEdit, MAX_NOTE_LENGTH } from '../../../lib/library/edit';
import { mergeHighlight, mergePaper } from '../../../lib/library/merge';
import { normalizeTags, splitTagInput, suggestTags } from '../../../lib/library/tags';
import { savedPaper } from '../db/make-paper';
import { SAMPLE_HIGHLIGHTS } from './sample-library';

describe('tags', () => {
  it('are trimmed, folded to single spaces, unique and sorted', () => {
    expect(normalizeTags(['  to   read ', 'rlhf', '', 'to read', 'a\tb\nc', 'rlhf'])).toEqual(['a b c', 'rlhf', 'to read']);
  });

  it('are split on commas when typed', () => {
    expect(splitTagInput('to-read, rlhf ,, survey')).toEqual(['to-read', 'rlhf', 'survey']);
  });

  it('are suggested by what was typed: prefix matches first, then most used; those the paper has left out', () => {
    const counts = [
      { tag: 'survey', count: 9 },
      { tag: 'to-read', count: 5 },
      { tag: 'reading-group', count: 3 },
      { tag: 'Read later', count: 7 },
    ];
    expect(suggestTags(counts, 're')).toEqual(['Read later', 'reading-group', 'to-read']);
    expect(suggestTags(counts, 'read')).toEqual(['Read later', 'reading-group', 'to-read']);
    expect(suggestTags(counts, 'read', ['reading-group'])).toEqual(['Read later', 'to-read']);
    expect(suggestTags(counts, '')).toEqual(['survey', 'Read later', 'to-read', 'reading-group']);
  });
});

describe('applyEdit', () => {
  const base = savedPaper('2401.00001', 1_000);

  it('replaces, adds and removes tags (normalized), bumping updatedAt', () => {
    const tagged = applyEdit(base, { tags: ['b', ' a '] }, 2_000);
    expect(tagged).toMatchObject({ tags: ['a', 'b'], updatedAt: 2_000 });
    expect(applyEdit(tagged, { addTags: ['c', 'a'] }, 3_000).tags).toEqual(['a', 'b', 'c']);
    expect(applyEdit(tagged, { removeTags: ['a', 'zzz'] }, 3_000).tags).toEqual(['b']);
  });

  it('marks read with the time, unread by dropping it, and toggles', () => {
    const read = applyEdit(base, { read: true }, 5_000);
    expect(read.readAt).toBe(5_000);
    expect(applyEdit(read, { read: true }, 6_000)).toBe(read); // already read: unchanged, keeps its time
    const unread = applyEdit(read, { read: 'toggle' }, 7_000);
    expect('readAt' in unread).toBe(false);
    expect(applyEdit(unread, { read: 'toggle' }, 8_000).readAt).toBe(8_000);
  });

  it('keeps a note, cut to its limit', () => {
    expect(applyEdit(base, { note: 'why it matters' }, 2_000).note).toBe('why it matters');
    expect(applyEdit(base, { note: 'x'.repeat(MAX_NOTE_LENGTH + 5) }, 2_000).note).toHaveLength(MAX_NOTE_LENGTH);
  });

  it('returns the stored record itself when nothing changes, and never moves updatedAt backwards', () => {
    expect(applyEdit(base, { tags: [], note: '', read: false }, 9_000)).toBe(base);
    expect(applyEdit({ ...base, updatedAt: 10_000 }, { note: 'late clock' }, 9_000).updatedAt).toBe(10_000);
  });
});

describe('mergePaper (restore, undo)', () => {
  const stored: LibraryPaper = savedPaper('2401.00001', 1_000, { updatedAt: 5_000, tags: ['mine'], note: 'local note' });

  it('adds a paper that is not stored', () => {
    const incoming = savedPaper('2401.00002', 2_000);
    expect(mergePaper(undefined, incoming)).toBe(incoming);
  });

  it('keeps the stored record when the incoming one is older (the local edit wins)', () => {
    const older = { ...stored, updatedAt: 4_000, tags: ['theirs'], note: 'old note' };
    expect(mergePaper(stored, older)).toBe(stored);
  });

  it('takes the newer incoming edit, with the earliest save date', () => {
    const newer = { ...stored, savedAt: 500, updatedAt: 6_000, tags: ['theirs'], note: '', readAt: 5_500 };
    expect(mergePaper(stored, newer)).toEqual({ ...newer, savedAt: 500 });
  });

  it('fills what the winner lacks from the other side (abstract with its labels, authors, date)', () => {
    const fuller = { ...stored, abstract: 'A long abstract on MATH.', topics: ['math-reasoning'], benchmarks: ['MATH'], published: '2024-01-02' };
    const newerButBare = { ...stored, updatedAt: 9_000, abstract: '', topics: [], benchmarks: [], authors: [], note: 'new note' };
    const merged = mergePaper(fuller, newerButBare);
    expect(merged).toMatchObject({
      note: 'new note',
      abstract: 'A long abstract on MATH.',
      topics: ['math-reasoning'],
      benchmarks: ['MATH'],
      authors: stored.authors,
      published: '2024-01-02',
      updatedAt: 9_000,
    });
  });

  it('on a tie with different contents loses nothing: tags united, a note and read state kept', () => {
    const other = { ...stored, tags: ['theirs'], note: '', readAt: 4_000 };
    expect(mergePaper(stored, other)).toMatchObject({ tags: ['mine', 'theirs'], note: 'local note', readAt: 4_000, updatedAt: 5_000 });
    const noNote = { ...stored, note: '' };
    expect(mergePaper(noNote, { ...noNote, note: 'their note' }).note).toBe('their note');
  });

  it('treats a record without reader fields like one with empty ones (identical: unchanged)', () => {
    const bare = savedPaper('2401.00003', 1_000);
    expect(mergePaper(bare, { ...bare, tags: [], note: '' })).toBe(bare);
  });
});

describe('mergeHighlight', () => {
  const stored: StoredHighlight = { ...SAMPLE_HIGHLIGHTS[0]!, updatedAt: 5_000 };
  it('adds, keeps the newer stored one, takes a newer incoming one', () => {
    expect(mergeHighlight(undefined, stored)).toBe(stored);
    expect(mergeHighlight(stored, { ...stored, note: 'older', updatedAt: 4_000 })).toBe(stored);
    expect(mergeHighlight(stored, { ...stored, note: 'same time', updatedAt: 5_000 })).toBe(stored);
    expect(mergeHighlight(stored, { ...stored, note: 'newer', color: 'pink', updatedAt: 6_000 })).toMatchObject({ note: 'newer', color: 'pink' });
  });
});

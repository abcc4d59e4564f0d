import { describe, expect, it, vi } from 'vitest';
import { importBackupFile } from '../../../components/popup/library-files';
import { backupText, createBackup, MAX_BACKUP_BYTES, readBackup, type SettingParsers } from '../../../lib/library/backup';
import { parseReadingSettings } from '../../../lib/settings/reading';
import { SAMPLE_HIGHLIGHTS, SAMPLE_PAPERS } from './sample-library';

const PARSERS: SettingParsers = new Map([['reading', parseReadingSettings]]);
const valid = () => createBackup({ papers: SAMPLE_PAPERS, highlights: SAMPLE_HIGHLIGHTS, settings: { reading: { dimSeen: true } } }, Date.UTC(2026, 9, 1));
const text = () => backupText(valid());

/** The backup as an object, changed by `edit`, as text. */
function edited(edit: (backup: Record<string, any>) => void): string {
  const backup = JSON.parse(text());
  edit(backup);
  return JSON.stringify(backup);
}

function problemOf(input: string): string {
  const reading = readBackup(input, PARSERS);
  if (reading.ok) throw new Error('expected the backup to be refused');
  return reading.problem;
}

describe('readBackup', () => {
  it('reads a backup Paperlight wrote, every record intact', () => {
    const reading = readBackup(text(), PARSERS);
    expect(reading).toEqual({ ok: true, backup: valid(), unknownSettings: [] });
  });

  it('leaves out settings this version does not know, and says which', () => {
    const reading = readBackup(edited((b) => (b.settings.teleport = { on: true })), PARSERS);
    expect(reading).toMatchObject({ ok: true, unknownSettings: ['teleport'] });
    if (reading.ok) expect(reading.backup.settings).toEqual({ reading: { dimSeen: true } });
  });

  it.each([
    ['an empty file', '', /This file is empty/],
    ['a file cut off halfway', text().slice(0, Math.floor(text().length / 2)), /incomplete: the file ends too early/],
    ['a file cut off after a record', text().slice(0, text().indexOf('\n', text().indexOf('"papers"') + 20)), /incomplete/],
    ['text that is not JSON', 'Title,Authors\nA,B\n', /not a Paperlight backup: it is not valid JSON/],
    ['another program’s JSON (a CSL list)', JSON.stringify([{ id: 'x', type: 'article' }]), /not a Paperlight backup \(it is JSON/],
    ['JSON with another format name', JSON.stringify({ format: 'zotero', version: 1, papers: [] }), /not a Paperlight backup/],
    ['a newer format version', edited((b) => (b.version = 2)), /newer Paperlight \(format 2; this one reads format 1\)/],
    ['a version that is text', edited((b) => (b.version = '1')), /no valid format version \("1"\)/],
    ['version 0', edited((b) => (b.version = 0)), /no valid format version/],
    ['papers that are not a list', edited((b) => (b.papers = { a: 1 })), /damaged: papers must be a list/],
    ['a title that is a number', edited((b) => (b.papers[1].title = 42)), /damaged: papers\[1\] \(2401\.01235\): title must be a string/],
    ['a save time that is text', edited((b) => (b.papers[0].savedAt = 'yesterday')), /papers\[0\] \(2401\.01234\): savedAt must be a whole number/],
    ['tags that are not a list', edited((b) => (b.papers[0].tags = 'rlhf')), /papers\[0\] \(2401\.01234\): tags must be a list/],
    ['a note that is not text', edited((b) => (b.papers[2].note = { text: 'x' })), /papers\[2\] \(hep-th\/9901001\): note must be a string/],
    ['a script link', edited((b) => (b.papers[0].url = 'javascript:alert(1)')), /papers\[0\] \(2401\.01234\): url must be an http\(s\) link/],
    ['a bad paper id', edited((b) => (b.papers[0].id = '../../etc')), /papers\[0\] \(\.\.\/\.\.\/etc\): id is not a paper id/],
    ['a highlight on no field', edited((b) => (b.highlights[0].field = 'body')), /highlights\[0\]\.field must be "title" or "abstract"/],
    ['a highlight without quote', edited((b) => delete b.highlights[1].quote), /highlights\[1\]\.quote must be an object/],
    ['a setting with a wrong value', edited((b) => (b.settings.reading = 'on')), /settings\.reading is not a valid value/],
  ])('refuses %s with a clear message', (_name, input, message) => {
    const problem = problemOf(input);
    expect(problem).toMatch(message);
    expect(problem).toMatch(/Nothing was changed\.$/);
  });

  it('refuses a 50 MB file before parsing it', () => {
    const huge = `{"format":"paperlight-backup","version":1,"papers":[],"pad":"${'x'.repeat(50 * 1024 * 1024)}"}`;
    const parse = vi.spyOn(JSON, 'parse');
    expect(problemOf(huge)).toMatch(/This file is 50 MB, larger than any Paperlight backup can be \(40 MB at most\)/);
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
  });
});

describe('importBackupFile (popup side)', () => {
  it('refuses a 50 MB file without reading it or sending it', async () => {
    const file = new Blob([new Uint8Array(50 * 1024 * 1024)], { type: 'application/json' });
    expect(file.size).toBeGreaterThan(MAX_BACKUP_BYTES);
    const read = vi.spyOn(file, 'text');
    const send = vi.fn();
    const outcome = await importBackupFile(file, send as never);
    expect(outcome).toEqual({ imported: false, problem: expect.stringMatching(/This file is 50 MB/) });
    expect(read).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });
});

import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { LibraryPaper } from '../../../lib/db/schema';
import { EXPORT_FORMATS, exportFile, exportFileInSlices, type ExportFormat } from '../../../lib/library/export';
import { citationKey, escapeTex } from '../../../lib/library/export/bibtex';
import { csvField } from '../../../lib/library/export/csv';
import { escapeMarkdown } from '../../../lib/library/export/markdown';
import { splitName } from '../../../lib/library/export/names';
import { SAMPLE_HIGHLIGHTS, SAMPLE_PAPERS } from './sample-library';

const NOW = Date.UTC(2026, 9, 1);
const data = { papers: SAMPLE_PAPERS, highlights: SAMPLE_HIGHLIGHTS, settings: {} };
const exported = (format: ExportFormat, papers: LibraryPaper[] = SAMPLE_PAPERS) =>
  exportFile(format, { ...data, papers }, { now: NOW, topicLabel: (id) => `Label of ${id}` });
const [reward, agents, old, doi] = SAMPLE_PAPERS as [LibraryPaper, LibraryPaper, LibraryPaper, LibraryPaper];

describe('BibTeX', () => {
  // Parsed back with Better BibTeX's parser (what Zotero's Better BibTeX uses), case kept as written.
  const parsed = parseBibtex(exported('bibtex').text, { sentenceCase: false });
  const entry = (eprintOrDoi: string) =>
    parsed.entries.find((e) => e.fields.eprint === eprintOrDoi || e.fields.doi === eprintOrDoi)!;

  it('parses back without errors, one @misc entry per paper, with unique keys', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toHaveLength(SAMPLE_PAPERS.length);
    expect(parsed.entries.every((e) => e.type === 'misc')).toBe(true);
    const keys = parsed.entries.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    // Same first author, same year, same first title word: the second key gets a letter.
    expect(keys.slice(0, 2)).toEqual(['lovelace2024scaling', 'lovelace2024scalinga']);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9]+$/);
  });

  it('carries arXiv eprint fields, DOI, link, date, tags and note', () => {
    expect(entry('2401.01234').fields).toMatchObject({
      eprint: '2401.01234',
      archiveprefix: 'arXiv',
      doi: '10.48550/arXiv.2401.01234',
      url: 'https://arxiv.org/abs/2401.01234',
      year: '2024',
      month: '1',
      keywords: ['rlhf', 'to read'],
    });
    expect(entry('2401.01234').fields.annote).toBe('Key idea: "pairwise", not pointwise. See §3, Table 2, then compare, later.');
    expect(entry('hep-th/9901001').fields).toMatchObject({ year: '1999', archiveprefix: 'arXiv' });
    // A paper without an arXiv id: its own DOI, no eprint.
    expect(entry('10.1145/3292500.3330701').fields.eprint).toBeUndefined();
  });

  it('escapes TeX so that titles read back exactly as written', () => {
    for (const paper of [reward, agents, old, doi]) {
      const back = parsed.entries.find((e) => e.fields.url === paper.url)!;
      expect(back.fields.title).toBe(paper.title);
    }
    expect(entry('2401.01234').fields.abstract).toBe('We train reward models. Results on GSM8K improve by 3%.');
  });

  it('splits people into family and given names; keeps one-word names whole', () => {
    expect(entry('2401.01234').fields.author).toEqual([
      { lastName: 'Lovelace', firstName: 'Ada' },
      { lastName: 'Beethoven', firstName: 'Ludwig', prefix: 'van' },
      { lastName: 'Ñúñez-García', firstName: 'Zoë' },
      { name: 'DeepSeek-AI' },
    ]);
  });

  it.each([
    ['Ada Lovelace', { family: 'Lovelace', given: 'Ada' }],
    ['Ludwig van Beethoven', { family: 'van Beethoven', given: 'Ludwig' }],
    ['Lovelace, Ada', { family: 'Lovelace', given: 'Ada' }],
    ['Martin Luther King Jr.', { family: 'King Jr.', given: 'Martin Luther' }],
    ['OpenAI', { family: 'OpenAI', given: '' }],
    ['  Grace   Hopper ', { family: 'Hopper', given: 'Grace' }],
  ])('splitName(%j)', (name, expected) => {
    expect(splitName(name)).toEqual(expected);
  });

  it('makes ASCII keys from accented names and skips title stopwords', () => {
    expect(citationKey('Zoë Ñúñez', 2024, 'The Art of Scaling')).toBe('nunez2024art');
    expect(citationKey(undefined, undefined, '')).toBe('anon');
  });

  it('escapes every character that means something to TeX', () => {
    expect(escapeTex('a\\b{c}&%$#_~^<>|')).toBe('a\\textbackslash{}b\\{c\\}\\&\\%\\$\\#\\_\\textasciitilde{}\\textasciicircum{}\\textless{}\\textgreater{}\\textbar{}');
  });
});

describe('RIS', () => {
  const file = exported('ris');

  it('writes Zotero-style records: CRLF lines, TY first, ER last', () => {
    expect(file.filename).toBe('paperlight-2026-10-01.ris');
    const records = file.text.replace(/\r\n$/, '').split('\r\n\r\n');
    expect(records).toHaveLength(SAMPLE_PAPERS.length);
    for (const record of records) {
      const lines = record.split('\r\n');
      expect(lines[0]).toBe('TY  - JOUR');
      expect(lines.at(-1)).toBe('ER  - ');
    }
    expect(file.text).not.toMatch(/[^\r]\n/);
  });

  it('has the fields Zotero maps: title, authors, date, DOI, URL, abstract, tags, note, arXiv id', () => {
    const first = file.text.split('\r\n\r\n')[0]!.split('\r\n');
    expect(first).toEqual(
      expect.arrayContaining([
        `TI  - ${reward.title}`,
        'AU  - Lovelace, Ada',
        'AU  - van Beethoven, Ludwig',
        'AU  - DeepSeek-AI',
        'PY  - 2024',
        'DA  - 2024/01/15/',
        'T2  - arXiv',
        'M2  - arXiv: 2401.01234',
        'DO  - 10.48550/arXiv.2401.01234',
        'UR  - https://arxiv.org/abs/2401.01234',
        'AB  - We train reward models. Results on GSM8K improve by 3%.',
        'KW  - rlhf',
        'KW  - to read',
        'N1  - Key idea: "pairwise", not pointwise.',
      ]),
    );
  });

  it('reads back in a real RIS parser (citation.js) with the same data', () => {
    const items = new Cite(file.text).data as Record<string, unknown>[];
    expect(items).toHaveLength(SAMPLE_PAPERS.length);
    expect(items[0]).toMatchObject({
      type: 'article-journal',
      title: reward.title,
      author: [
        { family: 'Lovelace', given: 'Ada' },
        { family: 'van Beethoven', given: 'Ludwig' },
        { family: 'Ñúñez-García', given: 'Zoë' },
        { family: 'DeepSeek-AI' },
      ],
      issued: { 'date-parts': [[2024, 1, 15]] },
      DOI: '10.48550/arXiv.2401.01234',
      URL: 'https://arxiv.org/abs/2401.01234',
      keyword: 'rlhf,to read',
      'container-title': 'arXiv',
    });
    // The note keeps its second line (a continuation line of N1).
    expect(String(items[0]!.note)).toContain('See §3, Table 2');
    expect(items[3]).toMatchObject({ title: doi.title, DOI: '10.1145/3292500.3330701' });
  });

  it('keeps a note line that looks like a tag from starting a new field', () => {
    const tricky = { ...reward, note: 'first\nAB  - not an abstract' };
    const lines = exported('ris', [tricky]).text.split('\r\n');
    expect(lines.filter((line) => line.startsWith('AB  - '))).toHaveLength(1);
    expect(lines).toContain(' AB  - not an abstract');
  });
});

describe('CSV', () => {
  const file = exported('csv');

  it('quotes commas, quotes and line breaks (RFC 4180) so that a CSV parser reads every field back', () => {
    expect(file.text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(file.text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(SAMPLE_PAPERS.length);
    expect(rows[0]).toMatchObject({
      id: '2401.01234',
      title: reward.title,
      authors: 'Ada Lovelace; Ludwig van Beethoven; Zoë Ñúñez-García; DeepSeek-AI',
      published: '2024-01-15',
      saved: '2026-09-01',
      read: 'yes',
      tags: 'rlhf; to read',
      note: reward.note,
      abstract: reward.abstract,
    });
    expect(rows[1]!.abstract).toBe('Agents on WebArena, with a comma, and "quotes".');
    // A cell a spreadsheet would run as a formula is defused.
    expect(rows[2]!.note).toBe(`'${old.note}`);
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    [' padded', '" padded"'],
    ['=1+1', "'=1+1"],
    ['@cmd', "'@cmd"],
    ['-2+3', "'-2+3"],
    ['- a bullet', '- a bullet'],
    ['', ''],
  ])('csvField(%j) = %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('uses CRLF between rows', () => {
    expect(file.text.split('\r\n')[0]).toBe('\uFEFFid,title,authors,published,saved,read,url,topics,benchmarks,tags,note,abstract');
  });
});

describe('Markdown', () => {
  const text = exported('markdown').text;
  const section = (title: string) => text.split('\n## ').find((part) => part.includes(title))!;

  it('has a section per paper with its link, facts, labels, note and highlights', () => {
    expect(text.startsWith('# Paperlight library\n\nExported on 2026-10-01 · 4 papers\n')).toBe(true);
    expect(text.match(/^## /gm)).toHaveLength(4);
    const first = section('Reward Models');
    expect(first).toContain('**Authors:** Ada Lovelace, Ludwig van Beethoven, Zoë Ñúñez-García, DeepSeek-AI');
    expect(first).toContain('**arXiv:** [2401.01234](<https://arxiv.org/abs/2401.01234>) · **Published:** 2024-01-15 · **Saved:** 2026-09-01 · **Read**');
    expect(first).toContain('**Topics:** Label of reward-modeling, Label of math-reasoning · **Benchmarks:** GSM8K, RewardBench · **Tags:** `rlhf` `to read`');
    expect(first).toContain('### Note\n\n> Key idea: "pairwise", not pointwise.\n> See §3, Table 2, then compare, later.');
    expect(first).toContain('### Highlights\n\n- “Results on GSM8K improve by 3%.” (green, abstract)\n  the *main* claim\n  worth checking\n- “Reward Models” (yellow, title)');
    expect(section('old-style')).toContain('**Unread**');
    expect(section('DOI')).toContain('**Id:** doi:10.1145/3292500.3330701');
  });

  it('escapes page text so that it cannot become markup, links or HTML', () => {
    expect(section('browse')).toMatch(/^\[Scaling Agents \\\[that\\\] \\\*browse\\\* \\<the\\> web \\\| fast\]\(<https:\/\/huggingface\.co\/papers\/2401\.01235>\)/);
    expect(escapeMarkdown('<img src=x onerror=alert(1)> [a](b) *c* `d` # e & f')).toBe(
      '\\<img src=x onerror=alert(1)\\> \\[a\\](b) \\*c\\* \\`d\\` \\# e \\& f',
    );
  });
});

describe('JSON backup', () => {
  it('is valid JSON with format, version, settings, papers and highlights, one record per line', () => {
    const file = exportFile('json', { ...data, settings: { reading: { dimSeen: true } } }, { now: NOW });
    expect(file.filename).toBe('paperlight-backup-2026-10-01.json');
    const backup = JSON.parse(file.text);
    expect(backup).toEqual({
      format: 'paperlight-backup',
      version: 1,
      exportedAt: '2026-10-01T00:00:00.000Z',
      settings: { reading: { dimSeen: true } },
      papers: SAMPLE_PAPERS,
      highlights: SAMPLE_HIGHLIGHTS,
    });
    for (const paper of SAMPLE_PAPERS) expect(file.text).toContain(`\n${JSON.stringify(paper)}`);
  });
});

describe('writing a large export a slice at a time', () => {
  // Many papers (with clashing citation keys) so that the slices cut the list in several places.
  const many = Array.from({ length: 60 }, (_, i) => ({ ...SAMPLE_PAPERS[i % SAMPLE_PAPERS.length]!, id: `2401.${String(i).padStart(5, '0')}` }));
  const input = { ...data, papers: many };

  it.each(EXPORT_FORMATS)('%s: the same file as written at once, with progress up to the end', async (format) => {
    const progress: number[] = [];
    const sliced = await exportFileInSlices(format, input, { now: NOW, topicLabel: (id) => `Label of ${id}`, sliceMs: 0, onProgress: (done) => progress.push(done) });
    expect(sliced).toEqual(exportFile(format, input, { now: NOW, topicLabel: (id) => `Label of ${id}` }));
    expect(progress.length).toBeGreaterThan(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
  });

  it('writes an empty library as at once', async () => {
    for (const format of EXPORT_FORMATS) {
      expect(await exportFileInSlices(format, { ...data, papers: [] }, { now: NOW })).toEqual(exportFile(format, { ...data, papers: [] }, { now: NOW }));
    }
  });
});

import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const run = promisify(execFile);

describe('npm run --silent extract -- FILE.jsonl', () => {
  it('writes one JSON line per good input line and names each malformed line on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paperlight-extract-'));
    const file = join(dir, 'papers.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', title: 'Reward models', abstract: 'A model scores 94.1 on RewardBench and improves GSM8K.' }),
        '{"id": "b", "title": ',
        JSON.stringify(['not', 'an', 'object']),
        JSON.stringify({ title: 'no id', abstract: '' }),
        '',
        JSON.stringify({ id: 'c', title: 'Empty', abstract: '' }),
      ].join('\n'),
    );
    const { stdout, stderr } = await run('node', ['lib/extract/cli.mjs', file], { cwd: root });
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((l) => l.id)).toEqual(['a', 'c']);
    expect(lines[0]).toEqual({
      id: 'a',
      benchmarks: ['RewardBench', 'GSM8K'],
      topics: expect.arrayContaining(['reward-modeling']),
      results: [{ benchmark: 'RewardBench', value: 94.1, unit: '', text: '94.1 on RewardBench' }],
    });
    expect(lines[1]).toEqual({ id: 'c', benchmarks: [], topics: [], results: [] });
    expect(stderr).toMatch(/papers\.jsonl:2: not valid JSON/);
    expect(stderr).toMatch(/papers\.jsonl:3: expected a JSON object/);
    expect(stderr).toMatch(/papers\.jsonl:4: missing "id"/);
  }, 60_000);
});

describe('size in the content script', () => {
  it('keeps the extractor with its catalogue under 80 KB gzipped', async () => {
    // Bundled the way the content script gets it: lib/extract with its data files, minified.
    const output = await build({
      root,
      configFile: false,
      logLevel: 'silent',
      build: {
        lib: { entry: join(root, 'lib/extract/index.ts'), formats: ['es'], fileName: 'extract' },
        write: false,
        minify: true,
        target: 'es2022',
      },
    });
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : []));
    const code = chunks.map((c) => ('code' in c ? c.code : '')).join('');
    const gzipped = gzipSync(code, { level: 9 }).length;
    console.log(`lib/extract bundle: ${code.length} bytes, ${gzipped} bytes gzipped`);
    expect(code).toContain('MMLU-Pro'); // the catalogue is in it
    expect(gzipped).toBeLessThanOrEqual(80 * 1024);
  }, 60_000);
});

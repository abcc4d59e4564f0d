#!/usr/bin/env node
// Command line for the extractor (issue 3):
//   npm run --silent extract -- FILE.jsonl [--out PREDICTIONS.jsonl]
// reads lines {"id","title","abstract"} and writes one line per input:
//   {"id","benchmarks":[names],"topics":[ids],"results":[{"benchmark","value","unit","text"}]}
// Malformed lines get a message on stderr naming the line and are skipped; the rest still come out.
//
// lib/extract imports its data files with Vite's `?raw`, which plain node cannot load, so this script
// bundles lib/extract/index.ts with Vite first (cached under node_modules/.cache until a source file
// changes). The same bundle is what tests/bench/extract.mjs measures and what the size check gzips.
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cacheDir = join(root, 'node_modules', '.cache', 'paperlight-extract');

function newestSourceTime(dir) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    newest = Math.max(newest, stat.isDirectory() ? newestSourceTime(path) : stat.mtimeMs);
  }
  return newest;
}

/**
 * Bundles a module of lib/extract with Vite (minified ESM, data files inlined) and returns the bundle's
 * path; rebuilt only when something under lib/extract is newer than the cached bundle.
 */
export async function bundleExtractModule(entry = 'lib/extract/index.ts', { force = false, minify = true } = {}) {
  const name =
    relative(join(root, 'lib', 'extract'), join(root, entry)).replace(/\.ts$/, '').replace(/[^\w-]/g, '_') +
    (minify ? '' : '.debug');
  const outFile = join(cacheDir, `${name}.mjs`);
  const sourceTime = newestSourceTime(join(root, 'lib', 'extract'));
  if (!force && existsSync(outFile) && statSync(outFile).mtimeMs > sourceTime) return outFile;
  // Built in a folder of its own and renamed into place, so two runs at once (tests, eval) never read half a file.
  const buildDir = join(cacheDir, `build-${process.pid}-${Date.now()}`);
  mkdirSync(buildDir, { recursive: true });
  const { build } = await import('vite');
  try {
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      build: {
        lib: { entry: join(root, entry), formats: ['es'], fileName: () => `${name}.mjs` },
        outDir: buildDir,
        emptyOutDir: false,
        minify,
        target: 'es2022',
        write: true,
        reportCompressedSize: false,
      },
    });
    renameSync(join(buildDir, `${name}.mjs`), outFile);
  } finally {
    rmSync(buildDir, { recursive: true, force: true });
  }
  return outFile;
}

/** The extractor module (extract, TOPICS, topicLabel), loaded from the cached bundle. */
export async function loadExtractor() {
  return import(pathToFileURL(await bundleExtractModule()).href);
}

async function main(argv) {
  const args = argv.slice(2);
  const outIndex = args.indexOf('--out');
  const outPath = outIndex >= 0 ? args[outIndex + 1] : undefined;
  const files = args.filter((a, i) => !a.startsWith('--') && (outIndex < 0 || i !== outIndex + 1));
  if (files.length !== 1) {
    process.stderr.write('usage: npm run --silent extract -- FILE.jsonl [--out PREDICTIONS.jsonl]\n');
    process.exitCode = 2;
    return;
  }
  const [file] = files;
  let input;
  try {
    input = readFileSync(file, 'utf8');
  } catch (error) {
    process.stderr.write(`extract: cannot read ${file}: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  const { extract } = await loadExtractor();
  const out = outPath ? createWriteStream(outPath) : process.stdout;
  const lines = input.split('\n');
  let skipped = 0;
  let chunk = '';
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trim();
    if (!line) continue;
    const problem = (message) => {
      process.stderr.write(`${file}:${n + 1}: ${message}; line skipped\n`);
      skipped++;
    };
    let record;
    try {
      record = JSON.parse(line);
    } catch (error) {
      problem(`not valid JSON (${error.message})`);
      continue;
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      problem('expected a JSON object {"id","title","abstract"}');
      continue;
    }
    const { id, title = '', abstract = '' } = record;
    if (typeof id !== 'string' && typeof id !== 'number') {
      problem('missing "id" (a string)');
      continue;
    }
    if (typeof title !== 'string' || typeof abstract !== 'string') {
      problem('"title" and "abstract" must be strings');
      continue;
    }
    const extraction = extract({ title, abstract });
    chunk += `${JSON.stringify({
      id,
      benchmarks: extraction.benchmarks.map((b) => b.name),
      topics: extraction.topics.map((t) => t.id),
      results: extraction.results.map(({ benchmark, value, unit, text }) => ({ benchmark, value, unit, text })),
    })}\n`;
    if (chunk.length > 1 << 16) {
      out.write(chunk);
      chunk = '';
    }
  }
  if (chunk) out.write(chunk);
  if (outPath) await new Promise((done) => out.end(done));
  if (skipped) process.stderr.write(`extract: ${skipped} malformed line(s) skipped\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv).catch((error) => {
    process.stderr.write(`extract: ${error.stack ?? error}\n`);
    process.exitCode = 1;
  });
}

// `npm run bench:popup`, part 1: how the library's work scales with its size, on the background's real code
// (lib/background/library.ts, lib/library) over fake-indexeddb, at 100 and 10,000 saved papers: the popup's
// requests (summary, pages, field searches, sorts, the chart), an edit, and the exports and restore of the
// whole library. Part 2 (tests/bench/popup-browser.ts) measures the popup itself in Chromium.
//
// "cold" = the first requests after the worker (re)started, when the in-memory index is built from the
// digest (lib/db/digest.ts); "warm" = the next ones (median of several runs). fake-indexeddb is pure
// JavaScript and slower than a browser's IndexedDB, so absolute numbers are pessimistic; the ratio between the
// two sizes is the point.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const load = async (path) => (await runnerImport(`${root}${path}`, { configFile: false, logLevel: 'silent', root })).module;
const { createLibrary } = await load('lib/background/library.ts');
const { lazyConnection, openPaperlightDb, readDigest } = await load('lib/db/index.ts');
const { exportFile } = await load('lib/library/export/index.ts');
const { readBackup } = await load('lib/library/backup.ts');
const { fakeLibrary } = await load('tests/bench/fake-library.ts');

const SIZES = [100, 10_000];
const WARM_RUNS = 7;
const PAGE = { offset: 0, limit: 50 };

async function seed(papers) {
  globalThis.indexedDB = new IDBFactory();
  const db = await openPaperlightDb();
  const tx = db.transaction('papers', 'readwrite');
  for (const paper of papers) void tx.store.put(paper);
  await tx.done;
  await readDigest(db); // papers written around lib/db/papers.ts: this builds their digest (not timed)
  db.close();
}

async function time(run) {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function median(run) {
  const times = [];
  for (let i = 0; i < WARM_RUNS; i++) times.push(await time(run));
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

async function bench(count) {
  const { papers, highlights } = fakeLibrary(count);
  await seed(papers);
  let library = createLibrary(lazyConnection());
  const results = {};
  const search = (query, sort = 'saved') => library.search({ query, sort, ...PAGE });
  // What the popup sends when it opens, right after a worker restart (nothing cached in memory).
  results['first page, cold (no index needed)'] = await time(() => search(''));
  results['summary, cold (builds the index)'] = await time(() => library.summary());
  results['summary, warm'] = await median(() => library.summary());
  results['first page, warm'] = await median(() => search(''));
  results['last page, warm'] = await median(() => library.search({ query: '', sort: 'saved', offset: count - 50, limit: 50 }));
  let n = 0;
  // Each run a different query, so no run is answered from the cached last search.
  results['search: 2 free words'] = await median(() => search(`reward ${['model', 'agents', 'math', 'data'][n++ % 4]}`));
  results['search: topic: + is:unread'] = await median(() => search(`topic:${['agents', 'reward-modeling', 'math-reasoning'][n++ % 3]} is:unread`));
  results['search: bench: + tag:'] = await median(() => search(`bench:${['GSM8K', 'MMLU', 'MATH'][n++ % 3]} tag:to-read`));
  results['search: author:'] = await median(() => search(`author:"author ${n++ % 97}"`));
  results['sort by publication, first page'] = await median(() => search(`-tag:x${n++}`, 'published'));
  results['chart (stats) of the whole library'] = await median(() => library.stats(`-tag:y${n++}`));
  results['edit: add a tag (index kept up to date)'] = await median(() => library.editPaper(papers[n++ % count].id, { addTags: [`t${n}`] }));
  results['search after that edit'] = await median(() => search(`tag:t${n}`));

  // Exports and restore of the whole library.
  let data;
  results['export: read every paper and highlight'] = await time(async () => {
    data = { papers: await library.readPapers(await library.idsMatching('', 'saved')), highlights, settings: {} };
  });
  let backup;
  results['export: JSON backup text'] = await time(() => (backup = exportFile('json', data)));
  results['export: BibTeX'] = await time(() => exportFile('bibtex', data));
  results['export: RIS'] = await time(() => exportFile('ris', data));
  results['export: CSV'] = await time(() => exportFile('csv', data));
  results['export: Markdown'] = await time(() => exportFile('markdown', data));
  let reading;
  results['import: check the whole backup'] = await time(() => (reading = readBackup(backup.text, new Map())));
  globalThis.indexedDB = new IDBFactory();
  library = createLibrary(lazyConnection());
  results['import: merge into an empty library'] = await time(() => library.mergeRecords(reading.backup));
  results['summary after the import'] = await time(() => library.summary());
  return { results, backupMb: backup.text.length / 1024 / 1024 };
}

await bench(SIZES[0]); // warm-up: the first run would also time module loading and the JIT
const bySize = {};
const sizes = {};
for (const size of SIZES) ({ results: bySize[size], backupMb: sizes[size] } = await bench(size));

const [small, large] = SIZES;
const rows = Object.keys(bySize[small]).map((name) => [
  name,
  bySize[small][name].toFixed(2),
  bySize[large][name].toFixed(2),
  (bySize[large][name] / bySize[small][name]).toFixed(1),
]);
const header = ['operation (ms)', `${small} papers`, `${large.toLocaleString('en')} papers`, 'ratio'];
const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
const line = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
console.log(line(header));
for (const row of rows) console.log(line(row));
console.log(`\nJSON backup of ${large.toLocaleString('en')} papers: ${sizes[large].toFixed(1)} MB.`);
console.log(`fake-indexeddb on Node ${process.version}; warm rows are the median of ${WARM_RUNS} runs.`);

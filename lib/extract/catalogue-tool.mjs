#!/usr/bin/env node
// Keeps lib/extract/data/benchmarks.tsv one reviewed, sorted file (issue 3).
//
//   node lib/extract/catalogue-tool.mjs check              problems that make the file unfit (exit 1), then
//                                                      review hints: names that are ordinary words
//   node lib/extract/catalogue-tool.mjs sort               rewrite the file sorted (and with flags normalised)
//   node lib/extract/catalogue-tool.mjs merge PART.tsv...  merge catalogue parts (same format) into the file
//
// `npm run catalogue:check` runs `check`. Merging resolves what two writers can disagree on: the same
// benchmark under two spellings becomes one line (aliases united, the stricter flags, the first non-empty
// url); an alias that is another entry's name or alias is dropped from the entry that only has it as an
// alias; "cue" implies "case". Everything it resolved is printed, so a reviewer can look at each decision.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleExtractModule } from './cli.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cataloguePath = join(root, 'lib', 'extract', 'data', 'benchmarks.tsv');
const HEADER = '# name\taliases\tarea\tflags\turl';

const { parseCatalogue, checkCatalogue, normalizedKey, compareNames } = await import(
  pathToFileURL(await bundleExtractModule('lib/extract/catalogue.ts')).href
);

function lettersAndDigits(form) {
  return form.replace(/[^\p{L}\p{N}]/gu, '');
}

function normaliseFlags(entry) {
  if (entry.needsCue) entry.caseSensitive = true;
  return entry;
}

/** The TSV text of entries, sorted, one line each. */
function render(entries) {
  const sorted = [...entries].sort((a, b) => compareNames(a.name, b.name));
  const lines = sorted.map((e) => {
    const flags = [e.caseSensitive ? 'case' : '', e.needsCue ? 'cue' : ''].filter(Boolean).join(',');
    return [e.name, e.aliases.join('|'), e.area, flags, e.url].join('\t');
  });
  return `${HEADER}\n${lines.join('\n')}\n`;
}

/** Drops aliases that repeat the name or each other once normalised (exact forms count for `case`). */
function dedupeOwnAliases(entry, log) {
  const seen = new Set([entry.caseSensitive ? lettersAndDigits(entry.name) : normalizedKey(entry.name)]);
  const written = new Set();
  entry.aliases = entry.aliases.filter((alias) => {
    const key = entry.caseSensitive ? lettersAndDigits(alias) : normalizedKey(alias);
    if (!alias.trim() || !normalizedKey(alias) || seen.has(key)) {
      // The same alias from two writers is no news; a variant the matcher already covers is.
      if (!written.has(alias)) log(`${entry.name}: dropped alias "${alias}" (the matcher already covers it)`);
      written.add(alias);
      return false;
    }
    written.add(alias);
    seen.add(key);
    return true;
  });
}

function merge(base, parts, log) {
  const byKey = new Map();
  const entries = [];
  const add = (incoming, source) => {
    normaliseFlags(incoming);
    const key = normalizedKey(incoming.name);
    const known = byKey.get(key);
    if (!known) {
      byKey.set(key, incoming);
      entries.push(incoming);
      return;
    }
    // The same benchmark from two writers: one line.
    if (known.name !== incoming.name) log(`${known.name}: also written "${incoming.name}" in ${source}; kept as alias`);
    known.aliases.push(...(known.name !== incoming.name ? [incoming.name] : []), ...incoming.aliases);
    known.caseSensitive ||= incoming.caseSensitive;
    known.needsCue ||= incoming.needsCue;
    if (!known.url && incoming.url) known.url = incoming.url;
    if (known.area !== incoming.area) log(`${known.name}: area "${known.area}" kept over "${incoming.area}" (${source})`);
  };
  for (const entry of base) add(entry, 'the catalogue');
  for (const [source, part] of parts) for (const entry of part) add(entry, source);

  // Names own their key; an alias that is another entry's name, or an alias of an earlier entry, goes.
  const owner = new Map(entries.map((e) => [normalizedKey(e.name), e]));
  for (const entry of entries) {
    dedupeOwnAliases(entry, log);
    entry.aliases = entry.aliases.filter((alias) => {
      const key = normalizedKey(alias);
      const other = owner.get(key);
      if (other && other !== entry) {
        log(`${entry.name}: dropped alias "${alias}" (it is "${other.name}")`);
        return false;
      }
      owner.set(key, entry);
      return true;
    });
  }
  return entries;
}

/** Single-word names and aliases that are dictionary words and match in any case: review candidates. */
function ordinaryWordHints(entries) {
  const dictionary = ['/usr/share/dict/words', '/usr/share/dict/american-english'].find((p) => existsSync(p));
  if (!dictionary) return ['(no /usr/share/dict/words here: ordinary-word review skipped)'];
  const words = new Set(readFileSync(dictionary, 'utf8').split('\n').map((w) => w.toLowerCase()));
  const hints = [];
  for (const entry of entries) {
    if (entry.caseSensitive) continue;
    for (const form of [entry.name, ...entry.aliases]) {
      const key = normalizedKey(form);
      if (/^[a-z]+$/.test(key) && words.has(key)) hints.push(`${entry.name}: "${form}" is an ordinary word; flag it "case" (and "cue")?`);
    }
  }
  return hints;
}

const [command, ...args] = process.argv.slice(2);
const text = readFileSync(cataloguePath, 'utf8');
if (command === 'check') {
  const problems = checkCatalogue(text);
  for (const p of problems) console.log(`benchmarks.tsv:${p.line}: ${p.message}`);
  const { entries } = parseCatalogue(text);
  const hints = ordinaryWordHints(entries);
  for (const hint of hints) console.log(`review: ${hint}`);
  console.log(`${entries.length} entries, ${problems.length} problem(s)`);
  process.exitCode = problems.length ? 1 : 0;
} else if (command === 'sort' || command === 'merge') {
  const log = (message) => console.log(message);
  const base = parseCatalogue(text).entries;
  const parts = args.map((path) => {
    const parsed = parseCatalogue(readFileSync(path, 'utf8'));
    for (const p of parsed.problems) console.log(`${path}:${p.line}: ${p.message} (line skipped)`);
    return [path, parsed.entries];
  });
  const merged = merge(base, parts, log);
  writeFileSync(cataloguePath, render(merged));
  const problems = checkCatalogue(readFileSync(cataloguePath, 'utf8'));
  for (const p of problems) console.log(`benchmarks.tsv:${p.line}: ${p.message}`);
  console.log(`${merged.length} entries written to lib/extract/data/benchmarks.tsv, ${problems.length} problem(s) left`);
  process.exitCode = problems.length ? 1 : 0;
} else {
  console.error('usage: node lib/extract/catalogue-tool.mjs check | sort | merge PART.tsv...');
  process.exitCode = 2;
}

#!/usr/bin/env node
// Build the Firefox package and lint it with Mozilla's addons-linter (through web-ext). Errors fail;
// warnings are printed. Known warning we accept: Preact's renderer contains an innerHTML assignment used
// only for `dangerouslySetInnerHTML`, which Paperlight never uses.
import { spawnSync } from 'node:child_process';

const build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);
const lint = spawnSync('npx', ['web-ext', 'lint', '-s', '.output/firefox-mv2', '-o', 'json', '--no-config-discovery'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(lint.stdout);
} catch {
  console.error('web-ext lint gave no JSON:', lint.stdout, lint.stderr);
  process.exit(1);
}
for (const kind of ['errors', 'warnings']) {
  for (const m of report[kind]) console.log(`${kind === 'errors' ? 'ERROR' : 'warning'} ${m.code} ${m.file ?? ''}: ${m.message}`);
}
console.log(`Firefox lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings`);
process.exit(report.summary.errors > 0 ? 1 : 0);

#!/usr/bin/env node
// `npm test`: everything, in the order a failure is cheapest to find. Stops at the first failing step.
import { spawnSync } from 'node:child_process';

const steps = [
  ['types', 'npx', ['tsc', '--noEmit']],
  ['unit tests', 'npx', ['vitest', 'run', '--project', 'unit']],
  ['Firefox build + lint', 'node', ['tests/support/lint-firefox.mjs']],
  ['Chromium build', 'npx', ['wxt', 'build']],
  ['Chromium for end-to-end tests', 'node', ['tests/support/ensure-chromium.mjs']],
  ['end-to-end tests (real Chromium)', 'npx', ['vitest', 'run', '--project', 'e2e']],
];

for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${status}).`);
    process.exit(status ?? 1);
  }
}
console.log('\n✔ all tests passed');

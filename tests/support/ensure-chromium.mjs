#!/usr/bin/env node
// The end-to-end tests drive Debian's Chromium (never a downloaded browser). On a fresh machine of our kind
// it is not installed yet: install it with apt-get when we can (root), otherwise say exactly what to do.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.PAPERLIGHT_CHROMIUM ?? '/usr/bin/chromium';
const need = [];
if (!existsSync(CHROMIUM)) need.push('chromium');
if (!existsSync('/usr/bin/openssl')) need.push('openssl'); // the fixture server's self-signed certificate

if (need.length === 0) process.exit(0);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  console.error(`The end-to-end tests need ${need.join(' and ')} (${CHROMIUM}).`);
  console.error(`Install with: sudo apt-get update && sudo apt-get install -y ${need.join(' ')}`);
  console.error('or point PAPERLIGHT_CHROMIUM at a Chromium binary.');
  process.exit(1);
}
console.log(`Installing ${need.join(', ')} with apt-get (first run on this machine)...`);
execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${need.join(' ')}`, { stdio: 'inherit' });

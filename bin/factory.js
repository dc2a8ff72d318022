#!/usr/bin/env node
// The installed entry point: the bundled CLI (built by `npm run build`). `--version` alone is answered before
// loading it: importing commander was most of that command's start-up time (see `factory bench startup`).
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  await import('../dist/cli.js');
}

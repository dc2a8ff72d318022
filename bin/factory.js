#!/usr/bin/env node
// The installed entry point: the bundled CLI (built by `npm run build`). `--version` alone is answered before
// loading it: importing commander was most of that command's start-up time (see `factory bench startup`).
import { existsSync, readFileSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const bundle = new URL('../dist/cli.js', import.meta.url);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else if (!existsSync(bundle)) {
  // A clone whose bundle was never built (or was deleted): say what to do, not a stack trace.
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(
    `factory: the CLI bundle ${fileURLToPath(bundle)} is missing; run \`npm run build\` in ${root}\n`,
  );
  process.exitCode = 1;
} else {
  // V8 keeps the compiled bundle on disk (Node's own cache, in the temp folder): later starts skip most of the
  // parsing and compiling of the dashboard's chunk. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
  module.enableCompileCache?.();
  await import(bundle.href);
}

#!/usr/bin/env node
// The installed entry point: the bundled CLI (built by `npm run build`). The Node version is checked first, before
// anything that needs a newer Node runs (the bundle uses Set methods of Node 22: on Node 20 it died with "internal
// error: TEXT_ENCODINGS.union is not a function"); only Node's own modules, present in every version, load before.
// `--version` alone is answered before loading the bundle: importing commander was most of that command's start-up;
// so is `--help` alone, from the text the build stored (dist/help.json) at each width commander would wrap it to.
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// Required, not imported: an ES import of node:fs evaluates its lazy exports (fs.promises, the streams, the
// watchers: 30 of Node's internal modules), which neither --version nor the first frame needs.
const { existsSync, readFileSync } = module.createRequire(import.meta.url)('node:fs');

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const args = process.argv.slice(2);
const bundle = new URL('../dist/cli.js', import.meta.url);
const needed = tooOld(process.versions.node, packageJson.engines.node);
if (needed) {
  process.stderr.write(
    `factory needs Node ${needed} or later (package.json engines.node "${packageJson.engines.node}"); this is Node ` +
      `${process.versions.node} at ${process.execPath}. Install a newer Node (https://nodejs.org) and run it again.\n`,
  );
  process.exitCode = 1;
} else if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(`${packageJson.version}\n`);
} else if (!existsSync(bundle)) {
  // A clone whose bundle was never built (or was deleted): say what to do, not a stack trace.
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(
    `factory: the CLI bundle ${fileURLToPath(bundle)} is missing; run \`npm run build\` in ${root}\n`,
  );
  process.exitCode = 1;
} else if (!(args.length === 1 && (args[0] === '--help' || args[0] === '-h') && wroteStoredHelp())) {
  // V8 keeps the compiled bundle on disk (Node's own cache, in the temp folder): later starts skip most of the
  // parsing and compiling of the dashboard's chunk. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
  module.enableCompileCache?.();
  await import(bundle.href);
}

/** Writes the stored `factory --help` as commander would wrap it to the output's width; false if none is stored. */
function wroteStoredHelp() {
  let stored;
  try {
    stored = JSON.parse(readFileSync(new URL('../dist/help.json', import.meta.url), 'utf8'));
  } catch {
    return false;
  }
  // Commander's width: the terminal's columns, or 80 off a terminal.
  const width = process.stdout.isTTY ? process.stdout.columns : 80;
  const text =
    width >= stored.unwrappedFrom
      ? stored.unwrapped
      : stored.byWidth.find((run) => run.from <= width && width <= run.to)?.text;
  if (text === undefined) return false;
  process.stdout.write(text);
  return true;
}

/** The version engines.node (">=22.12") asks for when `current` is older, else undefined. */
function tooOld(current, range) {
  const wanted = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (!wanted) throw new Error(`package.json engines.node "${range}": only ">=MAJOR.MINOR.PATCH" is understood here`);
  const have = current.split('.').map(Number);
  const need = wanted.slice(1).map((part) => Number(part ?? 0));
  for (let index = 0; index < 3; index++) {
    if (have[index] > need[index]) return undefined;
    if (have[index] < need[index]) return wanted.slice(1).filter(Boolean).join('.');
  }
  return undefined;
}

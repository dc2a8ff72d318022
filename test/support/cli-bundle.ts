// Bundles the real CLI once per test process (as `npm run build` does), for tests that run `factory` as a child process.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let bundled: Promise<string> | undefined;

/** The path of a runnable cli.js; under node_modules/.cache so its imports resolve to the project's node_modules. */
export function cliBundle(): Promise<string> {
  bundled ??= (async () => {
    const outdir = path.join(root, 'node_modules/.cache/factory-test-cli', String(process.pid));
    await build({ entryPoints: { cli: path.join(root, 'source/cli.ts') }, outdir, bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning' });
    return path.join(outdir, 'cli.js');
  })();
  return bundled;
}

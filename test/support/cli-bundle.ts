// Bundles the real CLI once per test process (as `npm run build` does), for tests that run `factory` as a child process.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let bundled: Promise<string> | undefined;

/** The path of a runnable cli.js; under node_modules/.cache so its imports resolve to the project's node_modules. */
export function cliBundle(): Promise<string> {
  bundled ??= (async () => {
    const cache = path.join(root, 'node_modules/.cache/factory-test-cli');
    removeOrphans(cache);
    const outdir = path.join(cache, String(process.pid));
    await build({
      entryPoints: { cli: path.join(root, 'source/cli.ts') },
      outdir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node22',
      packages: 'external',
      logLevel: 'warning',
    });
    return path.join(outdir, 'cli.js');
  })();
  return bundled;
}

/** Test processes end without a clean-up hook: each bundle is named after its process and dropped once that is gone. */
function removeOrphans(cache: string): void {
  for (const name of fs.existsSync(cache) ? fs.readdirSync(cache) : []) {
    try {
      process.kill(Number(name), 0);
    } catch {
      fs.rmSync(path.join(cache, name), { recursive: true, force: true });
    }
  }
}

// The installed package's own folder (holding package.json, bin/ and demo/), found from this file whether bundled or
// not.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`factory: no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}

/** The CLI entry, for starting `factory` child processes. */
export const cliEntry = (): string => path.join(packageRoot(), 'bin', 'factory.js');

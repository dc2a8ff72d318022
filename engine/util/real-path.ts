import fs from 'node:fs';
import path from 'node:path';

/** Where a path really is, links followed; a path that does not exist (yet) is taken as it is written, made absolute. */
export function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

// One run per project folder: a lock file with the owner's pid; a lock whose process is gone is stale and taken over.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../util/errors.js';

type Owner = { pid: number; host: string; startedAt: string };

export function acquireRunLock(file: string): () => void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const owner: Owner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(owner), { flag: 'wx' });
      return () => release(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readOwner(file);
      if (holder && alive(holder)) {
        throw new UserError(
          `a factory run is already going in this folder (pid ${holder.pid}, started ${holder.startedAt}): ` +
            `attach to it with \`factory tui\`, change its limits with \`factory set\`, or stop it first`,
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new UserError(`could not take the run lock ${file}: another run started at the same moment`);
}

function release(file: string): void {
  if (readOwner(file)?.pid === process.pid) fs.rmSync(file, { force: true });
}

function readOwner(file: string): Owner | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Owner;
  } catch {
    return undefined;
  }
}

/** A lock from another machine (a shared folder) is trusted; on this one the pid must still run. */
function alive(owner: Owner): boolean {
  if (owner.host !== os.hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

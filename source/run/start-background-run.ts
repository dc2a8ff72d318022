// Starts `factory run` as a detached process that outlives the dashboard, and attaches to it once its socket answers.
// Its options go as data (.factory/run-options.json), not as arguments it would parse again.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { waitForRun, type AttachClient } from '../../engine/attach/attach-client.js';
import { factoryPaths } from '../../engine/reports/factory-dir.js';
import { UserError } from '../../engine/util/errors.js';
import { cliEntry } from '../../engine/util/package-root.js';
import type { RunOptions } from './run-options.js';
import { writeRunOptions } from './run-options-file.js';

export async function startBackgroundRun(projectDir: string, options: RunOptions): Promise<AttachClient> {
  const log = factoryPaths(projectDir).engineLog;
  fs.mkdirSync(path.dirname(log), { recursive: true });
  const optionsFile = writeRunOptions(projectDir, options);
  const out = fs.openSync(log, 'w');
  // Its own session (detached): closing the terminal or the dashboard does not stop the run.
  const child = spawn(process.execPath, [cliEntry(), 'run', '--options-file', optionsFile], {
    cwd: projectDir,
    detached: true,
    stdio: ['ignore', out, out],
    env: process.env,
  });
  fs.closeSync(out);
  let exited = false;
  child.once('exit', () => (exited = true));
  child.unref();
  const client = await waitForRun(projectDir, () => !exited);
  if (client) return client;
  if (!exited) child.kill();
  const tail = fs.readFileSync(log, 'utf8').trim().split('\n').slice(-15).join('\n');
  throw new UserError(`the run did not start (log: ${log}):\n${tail}`);
}

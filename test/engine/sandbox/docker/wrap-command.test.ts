// The exec wrapper, run by this machine's sh and coreutils timeout: exit codes kept, deadlines that kill, nothing left behind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { killCommand, wrapCommand } from '../../../../engine/sandbox/docker/wrap-command.js';
import { isRunning, uniqueSleep } from '../../../support/processes.js';

const dirs: string[] = [];
const pidFile = (): string => {
  dirs.push(fs.mkdtempSync(path.join(os.tmpdir(), 'factory-wrap-')));
  return path.join(dirs.at(-1)!, 'exec.pid');
};
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});
const run = (argv: string[]) => execa(argv[0]!, argv.slice(1), { reject: false });

describe('wrapCommand', () => {
  it('passes the output and exit code through', async () => {
    const result = await run(wrapCommand('echo hello; exit 7', 10_000, pidFile()));
    expect(result.stdout).toBe('hello');
    expect(result.exitCode).toBe(7);
  });

  it('ends at the deadline with 124, and with 137 when the command ignores TERM', async () => {
    expect((await run(wrapCommand(uniqueSleep(30), 500, pidFile()))).exitCode).toBe(124);
    const sleep = uniqueSleep(31);
    const stubborn = await run(wrapCommand(`trap "" TERM; ${sleep}; echo never`, 500, pidFile()));
    expect(stubborn.exitCode).toBe(137);
    expect(stubborn.stdout).not.toContain('never');
    expect(isRunning(sleep)).toBe(false);
  });

  it('kills what the command left running in the background', async () => {
    const sleep = uniqueSleep(32);
    const result = await run(wrapCommand(`${sleep} & echo started`, 10_000, pidFile()));
    expect(result).toMatchObject({ exitCode: 0, stdout: 'started' });
    expect(isRunning(sleep)).toBe(false);
  });

  it('can be killed from outside through the pid file', async () => {
    const file = pidFile();
    const sleep = uniqueSleep(33);
    const running = run(wrapCommand(sleep, 60_000, file));
    while (!fs.existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 20));
    const killed = await run(killCommand(file));
    expect(killed.exitCode).toBe(0);
    expect((await running).exitCode).toBe(137);
    expect(isRunning(sleep)).toBe(false);
  });

  it('kills the command even when the kill comes as it starts, before timeout has made its group', async () => {
    // The pid file is written as soon as the wrapper forks, maybe before `timeout` makes its process group: a kill
    // of the group alone then found none and the command ran on.
    for (let attempt = 0; attempt < 20; attempt++) {
      const file = pidFile();
      const sleep = uniqueSleep(34);
      const running = run(wrapCommand(sleep, 60_000, file));
      await run(killCommand(file));
      expect((await running).exitCode, `attempt ${attempt}`).toBe(137);
      expect(isRunning(sleep)).toBe(false);
    }
  });
});

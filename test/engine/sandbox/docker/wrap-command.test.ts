// The exec wrapper, run by this machine's sh and coreutils timeout: exit codes kept, deadlines that kill, nothing left behind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { killCommand, wrapCommand } from '../../../../engine/sandbox/docker/wrap-command.js';

const dirs: string[] = [];
const pidFile = (): string => {
  dirs.push(fs.mkdtempSync(path.join(os.tmpdir(), 'factory-wrap-')));
  return path.join(dirs.at(-1)!, 'exec.pid');
};
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
const run = (argv: string[]) => execa(argv[0]!, argv.slice(1), { reject: false });
const alive = (pattern: string) => execa('pgrep', ['-f', pattern], { reject: false }).then((result) => result.exitCode === 0);

describe('wrapCommand', () => {
  it('passes the output and exit code through', async () => {
    const result = await run(wrapCommand('echo hello; exit 7', 10_000, pidFile()));
    expect(result.stdout).toBe('hello');
    expect(result.exitCode).toBe(7);
  });

  it('ends at the deadline with 124, and with 137 when the command ignores TERM', async () => {
    expect((await run(wrapCommand('sleep 30', 500, pidFile()))).exitCode).toBe(124);
    const stubborn = await run(wrapCommand('trap "" TERM; sleep 31; echo never', 500, pidFile()));
    expect(stubborn.exitCode).toBe(137);
    expect(stubborn.stdout).not.toContain('never');
    expect(await alive('sleep 31')).toBe(false);
  });

  it('kills what the command left running in the background', async () => {
    const result = await run(wrapCommand('sleep 32 & echo started', 10_000, pidFile()));
    expect(result).toMatchObject({ exitCode: 0, stdout: 'started' });
    expect(await alive('sleep 32')).toBe(false);
  });

  it('can be killed from outside through the pid file', async () => {
    const file = pidFile();
    const running = run(wrapCommand('sleep 33', 60_000, file));
    while (!fs.existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 20));
    const killed = await run(killCommand(file));
    expect(killed.exitCode).toBe(0);
    expect((await running).exitCode).toBe(137);
    expect(await alive('sleep 33')).toBe(false);
  });
});

// Runs that print or write a lot: tests printing 400 MB per round leave a bounded events.ndjson, `status` reads it,
// and a kill -9 mid-round resumes; a 200 MB file the model writes is committed with a capped diff.
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { factoryBin, parseEvents, runFactory, testHome } from '../support/cli.js';
import { git, makeProject, read, rightAdd, wrongAdd } from '../support/project.js';
import { pytestCommand, requirePytest } from '../support/python.js';
import { waitFor } from '../support/wait-for.js';

const pytest = `PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 ${pytestCommand()}`;
const size = (file: string): number => fs.statSync(file).size;

describe.skipIf(requirePytest())('big output and big files', () => {
  it('tests printing 400 MB per round: bounded records, status works, and a kill -9 mid-round resumes to green', async () => {
    const dir = makeProject({
      config: { TEST_CMD: `head -c 400000000 /dev/urandom; echo; ${pytest}` },
      script: { worker: [{ write: { 'calc.py': wrongAdd } }, { write: { 'calc.py': rightAdd } }] },
    });
    const events = path.join(dir, '.factory/events.ndjson');
    const roundTwo = path.join(dir, '.factory/output/task_1_round_2_tests.txt');
    const first = execa('node', [factoryBin, 'run'], {
      cwd: dir,
      reject: false,
      env: { FACTORY_HOME: testHome },
    });
    await waitFor(() => fs.existsSync(roundTwo) && size(roundTwo) > 1024 * 1024, 'round 2 to print its test output');
    first.kill('SIGKILL');
    await first;
    // The baseline and round 1 printed 800 MB between them, round 2 some more: the log keeps a bounded part.
    expect(size(events)).toBeLessThan(2 * 1024 * 1024);
    expect(size(path.join(dir, '.factory/output/task_1_round_1_tests.txt'))).toBeLessThan(17 * 1024 * 1024);

    const status = await runFactory(dir, ['status']);
    expect(status.stderr).toBe('');
    expect(status.exitCode).toBe(0);
    expect(status.stdout).toContain('task     1/1: Add numbers');

    const again = await runFactory(dir, ['run', '--json'], { timeoutMs: 300_000 });
    expect(again.stderr).toBe('');
    expect(again.exitCode).toBe(0);
    expect(
      parseEvents(
        again.stdout
          .split('\n')
          .filter((line) => !line.includes('"tests:output"'))
          .join('\n'),
      )[0],
    ).toMatchObject({ type: 'run:started', resumed: true });
    expect(git(dir, 'log', '--format=%s', 'main..HEAD').split('\n').reverse()).toEqual([
      'factory: task 1 round 1 — 0/2 passing',
      'factory: task 1 round 2 — 2/2 passing',
      'factory: task 1 done — Add numbers',
    ]);
    expect(size(events)).toBeLessThan(3 * 1024 * 1024);
    expect((await runFactory(dir, ['status'])).stdout).toContain('state    finished: green (exit 0)');
  }, 600_000);

  it('a 200 MB file written by the model is committed, the round is green, and the diff shown is capped', async () => {
    const dir = makeProject({
      config: { TEST_CMD: pytest },
      script: {
        worker: [
          {
            write: { 'calc.py': rightAdd },
            run: ["head -c 200000000 /dev/zero | tr '\\0' 'a' | fold -w 100 > data.txt"],
          },
        ],
      },
    });
    const run = await runFactory(dir, ['run', '--json'], { timeoutMs: 300_000 });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const committed = parseEvents(run.stdout).filter((event) => event.type === 'git:committed');
    const round = committed.find((event) => event.type === 'git:committed' && event.files.includes('data.txt'));
    expect(round?.type === 'git:committed' && round.diff).toContain('Binary files /dev/null and b/data.txt differ');
    expect(round?.type === 'git:committed' && round.diff.length).toBeLessThan(70 * 1024);
    expect(Number(git(dir, 'cat-file', '-s', 'HEAD:data.txt'))).toBeGreaterThan(200_000_000);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(read(dir, '.factory/final_report.md')).not.toContain('not started');
    expect(read(dir, 'RFP/tasks.md')).toContain('- [x] Add numbers');
  }, 300_000);
});

// `factory run` takes a pytest project from red to green with the scripted engine, and leaves the expected trail.
import { describe, expect, it } from 'vitest';
import { runFactory } from '../support/cli.js';
import { git, makeProject, read, rightAdd, wrongAdd } from '../support/project.js';
import { requirePytest } from '../support/python.js';

const skip = requirePytest();

describe.skipIf(skip)('factory run, red to green', () => {
  it('commits each round on the factory branch, reports red then green, and ticks the task', async () => {
    const dir = makeProject({
      script: {
        worker: [
          { say: 'a first try', write: { 'calc.py': wrongAdd } },
          { say: 'the fix', write: { 'calc.py': rightAdd } },
        ],
      },
    });
    const result = await runFactory(dir, ['run']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);

    const branch = git(dir, 'rev-parse', '--abbrev-ref', 'HEAD');
    expect(branch).toMatch(/^factory\/\d{8}-\d{6}$/);
    const log = git(dir, 'log', '--format=%s', 'main..HEAD').split('\n').reverse();
    expect(log).toEqual([
      'factory: task 1 round 1 — 0/2 passing',
      'factory: task 1 round 2 — 2/2 passing',
      'factory: task 1 done — Add numbers',
    ]);
    expect(git(dir, 'log', '-1', '--format=%s', 'main')).toBe('start');

    const round1 = read(dir, '.factory/rounds/round_1.md');
    expect(round1).toContain('RED');
    expect(round1).toContain('tests/test_calc.py::test_add');
    expect(read(dir, '.factory/rounds/round_2.md')).toContain('GREEN');

    const prompt2 = read(dir, '.factory/prompts/round_2.md');
    expect(prompt2).toContain('fail→fail');
    expect(prompt2).toContain('+    return a - b');
    expect(prompt2).toContain('## Last test run: 0/2 passing');

    expect(read(dir, 'RFP/tasks.md')).toContain('- [x] Add numbers');
    expect(read(dir, '.factory/latest_report.md')).toContain('GREEN');
    expect(read(dir, '.factory/history.md')).toMatch(/task 1 green/);
    expect(result.stdout).toContain('run finished: green, 1/1 task(s) green');
  });

  it('writes one JSON event per line with --json, from run:started to run:finished', async () => {
    const dir = makeProject({ script: { worker: [{ write: { 'calc.py': rightAdd } }] } });
    const result = await runFactory(dir, ['run', '--json']);
    expect(result.exitCode).toBe(0);
    const events = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string });
    expect(events[0]!.type).toBe('run:started');
    expect(events.at(-1)!.type).toBe('run:finished');
    expect(events.map((event) => event.type)).toContain('tests:finished');
    const onDisk = read(dir, '.factory/events.ndjson')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { type: string }).type);
    expect(onDisk).toEqual(events.map((event) => event.type));
  });
});

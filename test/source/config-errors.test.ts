// Bad settings and missing files stop `factory run` with a message naming the file, line, key and what is allowed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFactory } from '../support/cli.js';
import { git, makeProject } from '../support/project.js';

function withConfigLine(dir: string, find: RegExp, replace: string): number {
  const file = path.join(dir, 'factory_config.md');
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const index = lines.findIndex((line) => find.test(line));
  lines[index] = replace;
  fs.writeFileSync(file, lines.join('\n'));
  return index + 1;
}

describe('config errors', () => {
  it('names an unknown key with its line and the closest known one', async () => {
    const dir = makeProject();
    const line = withConfigLine(dir, /^MAX_ROUNDS=/, 'MAX_ROUND=5');
    const result = await runFactory(dir, ['run']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      `factory: factory_config.md:${line}: unknown setting MAX_ROUND (did you mean MAX_ROUNDS?); known settings: SCOPE, TASKS,`,
    );
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('refuses a lower-case key in run and doctor, naming the upper-case setting', async () => {
    const dir = makeProject();
    const line = withConfigLine(dir, /^MAX_ROUNDS=/, 'max_rounds=1');
    const run = await runFactory(dir, ['run']);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      `factory: factory_config.md:${line}: unknown setting max_rounds: setting names are upper case: did you mean MAX_ROUNDS?`,
    );
    const doctor = await runFactory(dir, ['doctor']);
    expect(doctor.exitCode).toBe(1);
    expect(doctor.stdout).toContain(
      `factory_config.md:${line}: unknown setting max_rounds: setting names are upper case: did you mean MAX_ROUNDS?`,
    );
  });

  it('keeps a # inside quotes in TEST_CMD, and a 10 MB config of unknown keys gives a short clear error', async () => {
    const dir = makeProject({ script: { worker: [] } });
    withConfigLine(dir, /^TEST_CMD=/, `TEST_CMD=sh -c 'echo start #1; exit 3' # the tests`);
    git(dir, 'commit', '-qam', 'test command with a #');
    const run = await runFactory(dir, ['run', '--json']);
    const started = run.stdout
      .split('\n')
      .map((line) => (line.startsWith('{') ? JSON.parse(line) : {}))
      .find((event) => event.type === 'run:started');
    expect(started.testCommand).toBe(`sh -c 'echo start #1; exit 3'`);

    const big = makeProject();
    const lines: string[] = [];
    for (let size = 0; size < 10_000_000; ) size += lines.push(`UNKNOWN_${lines.length}=x`) && lines.at(-1)!.length + 1;
    fs.appendFileSync(path.join(big, 'factory_config.md'), `\n${lines.join('\n')}\n`);
    const result = await runFactory(big, ['run']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).not.toContain('Maximum call stack');
    expect(result.stderr).not.toContain('internal error');
    const shown = result.stderr.split('\n');
    expect(shown).toHaveLength(21);
    expect(shown[0]).toMatch(/^factory: factory_config\.md:\d+: unknown setting UNKNOWN_0; known settings: SCOPE, /);
    expect(shown[20]).toBe(`factory_config.md: … and ${lines.length - 20} more problem(s) like these`);
  });

  it('names a bad value with the allowed ones', async () => {
    const dir = makeProject();
    const line = withConfigLine(dir, /^MODE=/, 'MODE=Triple');
    const result = await runFactory(dir, ['run']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      `factory: factory_config.md:${line}: MODE=Triple is not allowed: expected one of Single, Dual`,
    );
  });

  it('checks flags like the file', async () => {
    const dir = makeProject();
    const result = await runFactory(dir, ['run', '--max-rounds', '0']);
    expect(result.stderr).toBe(
      'factory: command line: MAX_ROUNDS=0 is not allowed: expected a whole number from 1 to 1000',
    );
  });

  it('says which required RFP file is missing', async () => {
    const dir = makeProject();
    fs.rmSync(path.join(dir, 'RFP/requirements.md'));
    const result = await runFactory(dir, ['run']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('RFP/requirements.md is missing');
    expect(result.stderr).toContain('it is required');
  });

  it('refuses an "(after: …)" that goes round in a circle before anything starts, naming the line', async () => {
    const dir = makeProject();
    fs.writeFileSync(path.join(dir, 'RFP/tasks.md'), '# Tasks\n\n- [ ] One (after: 2)\n- [ ] Two (after: 1)\n');
    const result = await runFactory(dir, ['run']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'factory: RFP/tasks.md:3: the "(after: …)" notes go round in a circle: task 1 (line 3) depends on task 2 ' +
        '(line 4), which depends on task 1 (line 3); one of them must come first',
    );
  });

  it('refuses a tasks.md without tasks', async () => {
    const dir = makeProject();
    fs.writeFileSync(path.join(dir, 'RFP/tasks.md'), '# Tasks\n\nnothing to do\n');
    const result = await runFactory(dir, ['run']);
    expect(result.stderr).toContain('RFP/tasks.md has no tasks: write each task as a checklist item');
  });

  it('refuses a missing config file and says how to create one', async () => {
    const dir = makeProject();
    fs.rmSync(path.join(dir, 'factory_config.md'));
    const result = await runFactory(dir, ['run']);
    expect(result.stderr).toContain('factory_config.md: not found in');
    expect(result.stderr).toContain('factory init');
  });

  it('refuses to start on a dirty tree and offers the ways out', async () => {
    const dir = makeProject({ dirty: { 'notes.txt': 'mine' }, script: { worker: [] } });
    const result = await runFactory(dir, ['run']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('uncommitted changes');
    expect(result.stderr).toContain('?? notes.txt');
    expect(result.stderr).toContain('--allow-dirty');
  });
});

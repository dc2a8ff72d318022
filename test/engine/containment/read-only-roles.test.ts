// The architect and the supervisor only read: a scripted engine whose calls write files (refused by the engine) and run
// shell commands that change the work tree (undone by factory's check), with each change reported as a refused edit.
import fs from 'node:fs';
import path from 'node:path';
import { execaSync } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { asOnAUsersMachine } from '../../support/containment.js';
import { ofType as of } from '../../support/engine.js';
import { calculatorPlan } from '../../support/calculator-plan.js';
import { makeProject, rightAdd, wrongAdd } from '../../support/project.js';
import { runEngine } from '../../support/run-engine.js';

beforeAll(asOnAUsersMachine);

const git = (dir: string, ...args: string[]): string => execaSync('git', args, { cwd: dir }).stdout.trim();
const refusals = (events: Awaited<ReturnType<typeof runEngine>>['events']): string[] =>
  of(events, 'agent:edit')
    .filter((event) => event.action === 'refused')
    .map((event) => `${event.role} ${event.engine} ${event.path}: ${event.reason}`);
const undone = 'this role may only read the project; put back as it was';
const notApplied = 'this role may only read the project; the edit was not applied';
/** What a model that ignores its role does with a shell: change a file, add some, plant a hook. */
const tamper = [
  'echo hacked > calc.py',
  'echo x > planted.py',
  'mkdir -p src && echo y > src/extra.py',
  'printf "#!/bin/sh\\n" > .git/hooks/pre-commit',
];

/** PLAN=auto plans with an engine that plays architect and reviewer; the tasks name their tests, so it never reviews. */
const unusedReviewer = [{ say: 'not called' }];

describe('read-only architect', () => {
  it('writes files, then fails the plan twice: the branch stays at its commit, git status is clean, the file unchanged', async () => {
    const dir = makeProject({
      config: { PLAN: 'auto' },
      files: { 'calc.py': wrongAdd },
      script: {
        architect: [
          { answer: 'not a plan', write: { 'calc.py': rightAdd }, run: tamper },
          { answer: 'still not a plan', run: ['echo again > calc.py'] },
        ],
        reviewer: unusedReviewer,
      },
    });
    const head = git(dir, 'rev-parse', 'HEAD');

    const { result, events } = await runEngine(dir);

    expect(result.outcome).toBe('error');
    expect(result.reason).toMatch(
      /^the architect's plan failed validation 2 times, so the run stops before any code is written; the architect only reads, and what it changed was put back/,
    );
    expect(git(dir, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(fs.readFileSync(path.join(dir, 'calc.py'), 'utf8')).toBe(wrongAdd);
    expect(fs.existsSync(path.join(dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'src'))).toBe(false);
    expect(refusals(events)).toEqual([
      `architect scripted calc.py: ${notApplied}`,
      'architect scripted .git/hooks/pre-commit: inside .git/, put back as it was',
      `architect scripted calc.py: ${undone}`,
      `architect scripted planted.py: ${undone}`,
      `architect scripted src/extra.py: ${undone}`,
      `architect scripted calc.py: ${undone}`,
    ]);
    expect(fs.readFileSync(path.join(dir, '.factory', 'history.md'), 'utf8')).toContain(
      ` planted.py was refused: ${undone} (scripted, architect)\n`,
    );
  });

  it('writes files, then returns a good plan: its writes are undone and reported, and the run goes on to green', async () => {
    const dir = makeProject({
      config: { PLAN: 'auto' },
      tasks: ['Add numbers (tests: tests/test_calc.py)'],
      files: { 'calc.py': wrongAdd },
      script: {
        architect: [{ answer: calculatorPlan(1), run: tamper }],
        worker: [{ write: { 'calc.py': rightAdd } }],
        reviewer: unusedReviewer,
      },
    });

    const { result, events } = await runEngine(dir);

    expect(result.outcome).toBe('green');
    expect(of(events, 'plan:ready')).toHaveLength(1);
    expect(refusals(events)).toEqual([
      'architect scripted .git/hooks/pre-commit: inside .git/, put back as it was',
      `architect scripted calc.py: ${undone}`,
      `architect scripted planted.py: ${undone}`,
      `architect scripted src/extra.py: ${undone}`,
    ]);
    // Nothing the architect made reached a commit.
    expect(git(dir, 'log', '--all', '--name-only', '--format=')).not.toMatch(/planted\.py|src\/extra\.py/);
    expect(fs.existsSync(path.join(dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
  });
});

describe('read-only supervisor', () => {
  it('tries to write while it reviews: refused, put back, and reported in the round report', async () => {
    const dir = makeProject({
      files: { 'calc.py': wrongAdd },
      config: { SUPERVISOR: 'scripted', MODE: 'Single' },
      script: {
        worker: [{ say: 'nothing yet' }, { write: { 'calc.py': rightAdd } }],
        supervisor: [
          {
            decision: 'CONTINUE',
            reason: 'keep going',
            write: { 'calc.py': rightAdd },
            run: ['echo evil > notes.txt', 'printf "#!/bin/sh\\n" > .git/hooks/pre-commit'],
          },
        ],
      },
    });

    const { result, events } = await runEngine(dir);

    expect(result.outcome).toBe('green');
    expect(refusals(events)).toEqual([
      `supervisor scripted calc.py: ${notApplied}`,
      'supervisor scripted .git/hooks/pre-commit: inside .git/, put back as it was',
      `supervisor scripted notes.txt: ${undone}`,
    ]);
    expect(fs.existsSync(path.join(dir, 'notes.txt'))).toBe(false);
    expect(fs.existsSync(path.join(dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
    // The supervisor's round-1 write was not the coder's: round 2 is green from the coder's own write.
    const report = fs.readFileSync(path.join(dir, '.factory', 'rounds', 'round_1.md'), 'utf8');
    expect(report).toContain(
      `## Refused while the supervisor reviewed this round\n- notes.txt was refused: ${undone} (scripted, supervisor)`,
    );
  });
});

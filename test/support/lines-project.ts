// Projects for production-line tests: pytest tasks whose scripted worker calls are given per task (workerByTask), with
// delays so the lines really overlap, and what a finished run left in git.
import fs from 'node:fs';
import path from 'node:path';
import { execaSync } from 'execa';
import type { FactoryEvent } from '../../engine/contract/events.js';
import { readRecords } from '../../engine/git/run-records.js';
import { git, makeProject } from './project.js';
import { pytestCommand } from './python.js';

process.env.PYTEST_DISABLE_PLUGIN_AUTOLOAD = '1';

export type LineCall = { write?: Record<string, string>; delayMs?: number; say?: string[] };

export function linesProject(spec: {
  tasks: string[];
  tests: Record<string, string>;
  files?: Record<string, string>;
  byTask: Record<number, LineCall[]>;
  parallel: number;
  config?: Record<string, string>;
}): string {
  const workerByTask = Object.fromEntries(
    Object.entries(spec.byTask).map(([task, calls]) => [
      task,
      calls.map((call) => ({
        say: call.say ?? [`working on task ${task}`],
        delayMs: call.delayMs ?? 0,
        write: call.write,
      })),
    ]),
  );
  return makeProject({
    config: { MAX_PARALLEL: String(spec.parallel), MODE: 'Single', MAX_ROUNDS: '6', ...spec.config },
    tasks: spec.tasks,
    files: { 'tests/test_calc.py': 'def test_nothing():\n    assert True\n', ...spec.tests, ...spec.files },
    script: { worker: [], workerByTask },
  });
}

/** The worktrees git knows for the checkout (the checkout itself first). */
export function worktrees(dir: string): string[] {
  return git(dir, 'worktree', 'list', '--porcelain')
    .split('\n')
    .filter((line) => line.startsWith('worktree '))
    .map((line) => line.slice('worktree '.length));
}

export const lineBranches = (dir: string): string[] =>
  git(dir, 'branch', '--list', '--format=%(refname:short)', 'factory/*-task-*').split('\n').filter(Boolean);

export const recordedLines = (dir: string) => readRecords(path.join(dir, '.git', 'factory-runs.json')).lines;

/** The whole suite on the checkout as it is, as the user would run it. */
export function suitePasses(dir: string): boolean {
  const [binary = 'python3', ...args] = pytestCommand().split(' ');
  return execaSync(binary, args, { cwd: dir, reject: false }).exitCode === 0;
}

/** The most lines that were running at one time, from their started and closed events. */
export function mostAtOnce(events: FactoryEvent[]): number {
  let now = 0;
  let most = 0;
  for (const event of events) {
    if (event.type === 'line:started') most = Math.max(most, ++now);
    if (event.type === 'line:closed') now--;
  }
  return most;
}

export const fileAt = (dir: string, file: string): string | undefined =>
  fs.existsSync(path.join(dir, file)) ? fs.readFileSync(path.join(dir, file), 'utf8') : undefined;

/** Two independent tasks, fa() == 1 and fb() == 2, each with its test: the tasks and tests of a linesProject. */
export const faAndFb = {
  tasks: ['Make fa (tests: tests/test_fa.py)', 'Make fb (tests: tests/test_fb.py)'],
  tests: {
    'tests/test_fa.py': 'from fa import fa\n\n\ndef test_fa():\n    assert fa() == 1\n',
    'tests/test_fb.py': 'from fb import fb\n\n\ndef test_fb():\n    assert fb() == 2\n',
  },
};

/** calc.py with a branch for each operator: two tasks that each add one edit the same function. */
export const calcWith = (...ops: string[]): string =>
  `def calc(op, a, b):\n${ops.map((op) => `    if op == '${op}':\n        return a ${op} b\n`).join('')}    raise ValueError(op)\n`;

/**
 * Two lines that edit the same function: task 2's line is slower, so it comes home second, its merge conflicts with
 * task 1's change, and its second round (both operators) is green.
 */
export const conflictingCalcProject = (): string =>
  linesProject({
    parallel: 2,
    tasks: ['Add to calc (tests: tests/test_add.py)', 'Multiply in calc (tests: tests/test_mul.py)'],
    files: { 'calc.py': calcWith() },
    tests: {
      'tests/test_add.py': 'from calc import calc\n\n\ndef test_add():\n    assert calc("+", 2, 3) == 5\n',
      'tests/test_mul.py': 'from calc import calc\n\n\ndef test_mul():\n    assert calc("*", 2, 3) == 6\n',
    },
    byTask: {
      1: [{ write: { 'calc.py': calcWith('+') } }],
      2: [{ delayMs: 1500, write: { 'calc.py': calcWith('*') } }, { write: { 'calc.py': calcWith('+', '*') } }],
    },
  });

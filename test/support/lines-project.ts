// Projects for production-line tests: pytest tasks whose scripted worker calls are given per task (workerByTask), with
// delays so the lines really overlap, and what a finished run left in git.
import fs from 'node:fs';
import path from 'node:path';
import { execaSync } from 'execa';
import type { FactoryEvent } from '../../engine/events.js';
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

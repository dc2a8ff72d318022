// `factory demo`: copies the bundled sample project to a fresh folder and plays its recorded run through the real
// dashboard.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../../engine/util/errors.js';
import { packageRoot } from '../package-root.js';
import { tuiCommand } from './tui.js';

export type DemoOptions = { dir?: string; theme?: string; pane?: string };

export async function demoCommand(options: DemoOptions): Promise<void> {
  const dir = prepareDemoProject(options.dir);
  // Checked while the dashboard draws its first frame: starting python can take a while.
  await tuiCommand({ dir, set: [], theme: options.theme, pane: options.pane, preflight: requirePytest() });
  process.stdout.write(`factory: the demo project is in ${dir} (its reports under .factory/)\n`);
}

/** The sample project's tests are Python: say so before the run starts rather than show a run that cannot test. */
async function requirePytest(): Promise<void> {
  const found = await new Promise<boolean>((resolve) =>
    execFile(
      'python3',
      ['-c', 'import importlib.util, sys; sys.exit(importlib.util.find_spec("pytest") is None)'],
      (error) => resolve(!error),
    ),
  );
  if (!found)
    throw new UserError(
      "factory demo runs the sample project's tests with python3 -m pytest, which is not available here: " +
        'install python3 and pytest (pip install pytest, or apt-get install python3-pytest)',
    );
}

/** The sample project as a git repository with one commit, so the run can branch and commit. */
export function prepareDemoProject(dir?: string): string {
  const target = dir ? path.resolve(dir) : fs.mkdtempSync(path.join(os.tmpdir(), 'factory-demo-'));
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0)
    throw new UserError(`--dir ${target} is not empty; the demo needs an empty or new folder`);
  fs.cpSync(path.join(packageRoot(), 'demo', 'project'), target, { recursive: true });
  // npm leaves .gitignore files out of packages, so it ships without the dot.
  fs.renameSync(path.join(target, 'gitignore'), path.join(target, '.gitignore'));
  const git = (...args: string[]): void => void execFileSync('git', args, { cwd: target, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git(
    '-c',
    'user.name=factory demo',
    '-c',
    'user.email=demo@factory.invalid',
    'commit',
    '-q',
    '-m',
    'demo: the sample project',
  );
  return target;
}

// `factory demo`: copies the bundled sample project to a fresh folder and plays its recorded run through the real
// dashboard.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../../engine/util/errors.js';
import { packageRoot } from '../../engine/util/package-root.js';
import { tuiCommand } from './tui.js';

const execFileAsync = promisify(execFile);

export type DemoOptions = { dir?: string; theme?: string; pane?: string };

export async function demoCommand(options: DemoOptions): Promise<void> {
  const dir = demoFolder(options.dir);
  // The dashboard draws first: copying the project, its git commits and checking for python come behind its frame.
  const preflight = () => fillDemoProject(dir).then(requirePytest);
  await tuiCommand({ dir, set: [], theme: options.theme, pane: options.pane, preflight });
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
  const target = demoFolder(dir);
  copyDemo(target);
  for (const args of gitSteps) execFileSync('git', args, { cwd: target, stdio: 'ignore' });
  return target;
}

/** The same, without blocking: the demo's dashboard draws meanwhile. */
async function fillDemoProject(target: string): Promise<void> {
  await fs.promises.cp(demoSource(), target, { recursive: true });
  await fs.promises.rename(...gitignore(target));
  for (const args of gitSteps) await execFileAsync('git', args, { cwd: target });
}

/** A new temp folder, or the one given when it is new or empty. */
function demoFolder(dir?: string): string {
  const target = dir ? path.resolve(dir) : fs.mkdtempSync(path.join(os.tmpdir(), 'factory-demo-'));
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0)
    throw new UserError(`--dir ${target} is not empty; the demo needs an empty or new folder`);
  return target;
}

function copyDemo(target: string): void {
  fs.cpSync(demoSource(), target, { recursive: true });
  fs.renameSync(...gitignore(target));
}

const demoSource = (): string => path.join(packageRoot(), 'demo', 'project');
/** npm leaves .gitignore files out of packages, so it ships without the dot. */
const gitignore = (target: string): [string, string] => [
  path.join(target, 'gitignore'),
  path.join(target, '.gitignore'),
];

const gitSteps = [
  ['init', '-q', '-b', 'main'],
  ['add', '-A'],
  [
    '-c',
    'user.name=factory demo',
    '-c',
    'user.email=demo@factory.invalid',
    'commit',
    '-q',
    '-m',
    'demo: the sample project',
  ],
];

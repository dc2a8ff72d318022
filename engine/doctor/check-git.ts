// Doctor: git is installed, the folder is a repository with a commit to branch from.
import { execa } from 'execa';
import { fail, ok, warn, type CheckResult } from './check.js';

export async function checkGit(projectDir: string): Promise<CheckResult[]> {
  const version = await execa('git', ['--version'], { reject: false });
  if (version.exitCode !== 0)
    return [
      fail('git', 'git is not installed', 'install git (e.g. apt-get install git, or xcode-select --install on macOS)'),
    ];
  const results = [ok('git', version.stdout.trim())];
  const inside = await execa('git', ['rev-parse', '--is-inside-work-tree'], { cwd: projectDir, reject: false });
  if (inside.stdout.trim() !== 'true')
    return [
      ...results,
      fail(
        'repository',
        `${projectDir} is not a git repository`,
        'run `git init` (or `factory init`, which does it), then commit your files',
      ),
    ];
  const head = await execa('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: projectDir, reject: false });
  if (head.exitCode !== 0)
    return [
      ...results,
      fail('repository', 'no commit yet', 'commit your files once: git add -A && git commit -m start'),
    ];
  const dirty = (await execa('git', ['status', '--porcelain'], { cwd: projectDir, reject: false })).stdout
    .split('\n')
    .filter(Boolean)
    .filter((line) => !line.endsWith('.factory/'));
  if (dirty.length > 0)
    return [
      ...results,
      warn(
        'repository',
        `${dirty.length} uncommitted change(s): a run will refuse to start`,
        'commit or stash them, or run with --allow-dirty',
      ),
    ];
  return [
    ...results,
    ok(
      'repository',
      `clean, on ${(await execa('git', ['rev-parse', '--abbrev-ref', 'HEAD'], { cwd: projectDir })).stdout}`,
    ),
  ];
}

// `factory reset --hard` undoes only what factory made: a user's own `factory/…` branch and the work --allow-dirty
// saved survive it, and a checkout that would overwrite an edit stops with the files named, changing nothing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFactory } from '../support/cli.js';
import { git, makeProject, read, rightAdd } from '../support/project.js';
import { pytestCommand, requirePytest } from '../support/python.js';
import { submoduleProject } from '../support/submodule-project.js';

/** pytest without the machine's third-party plugins: these projects need none, and it starts 5x faster. */
const config = { TEST_CMD: `PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 ${pytestCommand()}` };
const branches = (dir: string): string[] =>
  git(dir, 'branch', '--list', '--format=%(refname:short)').split('\n').filter(Boolean).sort();

describe.skipIf(requirePytest())('factory reset --hard', () => {
  it("keeps a user's factory/my-feature branch and deletes only the run's own branch", async () => {
    const dir = makeProject({ config, script: { worker: [{ write: { 'calc.py': rightAdd } }] } });
    git(dir, 'checkout', '-q', '-b', 'factory/my-feature');
    fs.writeFileSync(path.join(dir, 'feature.txt'), 'mine\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'my feature');
    const mine = git(dir, 'rev-parse', 'HEAD');
    git(dir, 'checkout', '-q', 'main');

    expect((await runFactory(dir, ['run'])).exitCode).toBe(0);
    const run = git(dir, 'rev-parse', '--abbrev-ref', 'HEAD');
    expect(branches(dir)).toEqual(['factory/my-feature', run, 'main'].sort());
    const reset = await runFactory(dir, ['reset', '--hard', '--yes']);
    expect(reset.exitCode).toBe(0);
    expect(reset.stdout).toContain(`deleted the factory's branch(es) ${run}`);
    expect(branches(dir)).toEqual(['factory/my-feature', 'main']);
    expect(git(dir, 'rev-parse', 'factory/my-feature')).toBe(mine);
    expect(git(dir, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(fs.existsSync(path.join(dir, '.factory'))).toBe(false);
  });

  it('starts from a user branch named factory/…, treats it as the base, and goes back to it', async () => {
    const dir = makeProject({ config, script: { worker: [{ write: { 'calc.py': rightAdd } }] } });
    git(dir, 'checkout', '-q', '-b', 'factory/my-feature');
    const run = await runFactory(dir, ['run']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Your branch factory/my-feature is untouched');
    const reset = await runFactory(dir, ['reset', '--hard', '--yes']);
    expect(reset.stdout).toContain('back on factory/my-feature');
    expect(branches(dir)).toEqual(['factory/my-feature', 'main']);
  });

  it('gives back the uncommitted work --allow-dirty saved, and says which stash keeps a copy', async () => {
    const dir = makeProject({
      config,
      script: { worker: [{ write: { 'calc.py': rightAdd } }] },
      dirty: {
        'draft.txt': 'my draft\n',
        'RFP/requirements.md': '# Requirements\n\nA calculator library, edited by me.\n',
      },
    });
    const run = await runFactory(dir, ['run', '--allow-dirty']);
    expect(run.exitCode).toBe(0);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    const stash = git(dir, 'stash', 'list', '--format=%gd %s');
    expect(stash).toMatch(
      /^stash@\{0\} On main: factory run [\d-]+: your uncommitted work from before the run \(--allow-dirty\)$/,
    );

    const reset = await runFactory(dir, ['reset', '--hard', '--yes']);
    expect(reset.exitCode).toBe(0);
    expect(reset.stdout).toMatch(
      /your uncommitted work from before run [\d-]+ \((draft\.txt, RFP\/requirements\.md|RFP\/requirements\.md, draft\.txt)\) is back in the tree; a copy stays in stash@\{0\} \("factory run [\d-]+: your uncommitted work/,
    );
    expect(git(dir, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(branches(dir)).toEqual(['main']);
    expect(read(dir, 'draft.txt')).toBe('my draft\n');
    expect(read(dir, 'RFP/requirements.md')).toContain('edited by me');
    expect(git(dir, 'status', '--porcelain').split('\n').sort()).toEqual([' M RFP/requirements.md', '?? draft.txt']);
    expect(git(dir, 'stash', 'list', '--format=%gd %s')).toBe(stash);
  });

  it('stops with the files named, and changes nothing, when going back would overwrite an uncommitted edit', async () => {
    const dir = makeProject({ config, script: { worker: [{ write: { 'calc.py': rightAdd } }] } });
    expect((await runFactory(dir, ['run'])).exitCode).toBe(0);
    const run = git(dir, 'rev-parse', '--abbrev-ref', 'HEAD');
    fs.writeFileSync(path.join(dir, 'calc.py'), `${rightAdd}# my edit\n`);
    const reset = await runFactory(dir, ['reset', '--hard', '--yes']);
    expect(reset.exitCode).toBe(1);
    expect(reset.stderr).toBe(
      'factory: factory reset --hard changed nothing: going back to main would overwrite your uncommitted changes to:\n  calc.py\ncommit them (git add -A && git commit) or stash them (git stash -u), then run factory reset --hard again',
    );
    expect(git(dir, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe(run);
    expect(branches(dir)).toEqual([run, 'main'].sort());
    expect(read(dir, 'calc.py')).toContain('# my edit');
    expect(fs.existsSync(path.join(dir, '.factory/events.ndjson'))).toBe(true);
  });
  it('puts a submodule the model edited back too: its branch at its old commit, both trees clean', async () => {
    const dir = submoduleProject(config);
    const lib = path.join(dir, 'lib');
    const start = git(lib, 'rev-parse', 'HEAD');
    expect((await runFactory(dir, ['run'])).exitCode).toBe(0);
    expect(git(lib, 'rev-parse', 'main')).not.toBe(start);

    const reset = await runFactory(dir, ['reset', '--hard', '--yes']);
    expect(reset.exitCode, reset.stderr).toBe(0);
    expect(reset.stdout).toContain(`submodule lib back on main ${start.slice(0, 12)}`);
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(git(lib, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(git(lib, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(git(lib, 'rev-parse', 'main')).toBe(start);
    expect(fs.existsSync(path.join(lib, 'calc.py'))).toBe(false);
  });
});

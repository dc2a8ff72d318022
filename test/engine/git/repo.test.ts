import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Repo } from '../../../engine/git/repo.js';
import { UserError } from '../../../engine/util/errors.js';

let dir: string;
const git = async (...args: string[]): Promise<string> => (await execa('git', args, { cwd: dir })).stdout;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-repo-test-'));
  fs.writeFileSync(path.join(dir, 'a.txt'), 'one\n');
  fs.writeFileSync(path.join(dir, 'gone.txt'), 'bye\n');
  await git('init', '-q', '-b', 'main');
  await git('add', '-A');
  await git('-c', 'user.name=t', '-c', 'user.email=t@localhost', 'commit', '-q', '-m', 'start');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('Repo.commitAll', () => {
  it('returns undefined and makes no commit when nothing changed', async () => {
    const repo = await Repo.open(dir);
    const before = await git('rev-parse', 'HEAD');
    expect(await repo.commitAll('nothing')).toBeUndefined();
    expect(await git('rev-parse', 'HEAD')).toBe(before);
  });

  it('commits added, changed and deleted files (odd names too) on the current branch, with the files and the diff', async () => {
    const repo = await Repo.open(dir);
    const parent = await git('rev-parse', 'HEAD');
    fs.writeFileSync(path.join(dir, 'a.txt'), 'two\n');
    fs.rmSync(path.join(dir, 'gone.txt'));
    fs.mkdirSync(path.join(dir, 'sub dir'));
    fs.writeFileSync(path.join(dir, 'sub dir', 'naïve "file".txt'), 'new\n');

    const commit = await repo.commitAll('factory: task 1 round 1 — 0/1 passing');

    expect(commit?.files.sort()).toEqual(['a.txt', 'gone.txt', 'sub dir/naïve "file".txt']);
    expect(commit?.sha).toBe(await git('rev-parse', 'main'));
    expect(await git('rev-parse', 'HEAD~1')).toBe(parent);
    expect(await git('log', '-1', '--format=%s')).toBe('factory: task 1 round 1 — 0/1 passing');
    expect(commit?.diff).toContain('-one\n+two');
    expect(commit?.diff).toContain('deleted file mode');
    expect(await git('status', '--porcelain')).toBe('');
    expect(await git('reflog', '-1', '--format=%gs')).toBe('commit: factory: task 1 round 1 — 0/1 passing');
  });

  it('lists every file and cuts the diff at its cap, however many files a round changed', async () => {
    const repo = await Repo.open(dir);
    // A big file: the diff goes past its cap. Then so many long names that their list alone outgrows the room beside it.
    fs.writeFileSync(path.join(dir, 'a.txt'), 'a changed line of a large file\n'.repeat(4000));
    const big = await repo.commitAll('one big file');
    expect(big?.files).toEqual(['a.txt']);
    expect(big?.diff).toContain('+a changed line of a large file');
    expect(big?.diff).toContain(`[… diff cut at ${64 * 1024} characters: the whole change is in commit`);
    const names = Array.from({ length: 900 }, (_, index) => `folder/${'a long name of a file '.repeat(4)}${index}.txt`);
    fs.mkdirSync(path.join(dir, 'folder'));
    for (const name of names) fs.writeFileSync(path.join(dir, name), `${name}\n`);
    const many = await repo.commitAll('many files');
    expect(many?.files.sort()).toEqual([...names].sort());
    expect(many?.diff).toContain(`+${names[0]}`);
    expect(many?.diff.startsWith('diff --git')).toBe(true);
    expect(many?.diff).toContain('[… diff cut at');
  });

  it('commits on top of a commit made by hand after its own, and reads HEAD as git does (branch, packed, detached)', async () => {
    const repo = await Repo.open(dir);
    fs.writeFileSync(path.join(dir, 'a.txt'), 'by the factory\n');
    const own = await repo.commitAll('own');
    expect(await repo.head()).toBe(own?.sha);
    fs.writeFileSync(path.join(dir, 'a.txt'), 'by hand\n');
    await git('-c', 'user.name=t', '-c', 'user.email=t@localhost', 'commit', '-q', '-am', 'by hand');
    const byHand = await git('rev-parse', 'HEAD');
    expect(await repo.head()).toBe(byHand);
    // The tree the factory would commit is its own last one again: a change against the hand's commit all the same.
    fs.writeFileSync(path.join(dir, 'a.txt'), 'by the factory\n');
    const next = await repo.commitAll('after the hand');
    expect(next?.files).toEqual(['a.txt']);
    expect(await git('rev-parse', 'HEAD~1')).toBe(byHand);
    await git('pack-refs', '--all');
    expect(fs.existsSync(path.join(dir, '.git', 'refs', 'heads', 'main'))).toBe(false);
    expect(await repo.head()).toBe(next?.sha);
    await git('checkout', '-q', '--detach', byHand);
    expect(await repo.head()).toBe(byHand);
  });

  it('commits with a fallback identity when git has none configured', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', HOME: dir });
    delete process.env.GIT_AUTHOR_EMAIL;
    delete process.env.GIT_COMMITTER_EMAIL;
    delete process.env.EMAIL;
    try {
      const repo = await Repo.open(dir);
      fs.writeFileSync(path.join(dir, 'a.txt'), 'three\n');
      expect(await repo.commitAll('round')).toBeDefined();
      expect(await git('log', '-1', '--format=%an <%ae>')).toBe('factory <factory@localhost>');
    } finally {
      process.env = saved;
    }
  });

  it('refuses a folder that is not a git repository', async () => {
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-repo-plain-'));
    try {
      await expect(Repo.open(plain)).rejects.toThrow(UserError);
      await expect(Repo.open(plain)).rejects.toThrow(/is not a git repository/);
    } finally {
      fs.rmSync(plain, { recursive: true, force: true });
    }
  });
});

describe('Repo.stageChangedSince and commitStaged', () => {
  it('lists what changed since a commit from the staged tree, and commits that tree without what came after', async () => {
    const repo = await Repo.open(dir);
    const start = await git('rev-parse', 'HEAD');
    fs.writeFileSync(path.join(dir, 'a.txt'), 'changed by the worker\n');
    await repo.commitAll('round 1');
    fs.rmSync(path.join(dir, 'gone.txt'));
    fs.writeFileSync(path.join(dir, 'new.txt'), 'new\n');

    // Since the run's start: round 1's commit and what is not committed yet, deleted and new files too.
    expect((await repo.stageChangedSince(start)).sort()).toEqual(['a.txt', 'gone.txt', 'new.txt']);
    // Written after the staging, as a test run would.
    fs.writeFileSync(path.join(dir, 'left-by-tests.txt'), 'x\n');
    const round = await repo.commitStaged('round 2');
    expect(round?.files.sort()).toEqual(['gone.txt', 'new.txt']);
    expect(await git('ls-tree', '--name-only', 'HEAD')).not.toContain('left-by-tests.txt');
    expect(await git('status', '--porcelain')).toBe('?? left-by-tests.txt');

    // Nothing staged since: the next commit takes the whole tree.
    expect((await repo.commitStaged('round 3'))?.files).toEqual(['left-by-tests.txt']);
    expect(await git('status', '--porcelain')).toBe('');
  });

  it('stages the tree again after dropStaged (the guard put a file back)', async () => {
    const repo = await Repo.open(dir);
    const start = await git('rev-parse', 'HEAD');
    fs.writeFileSync(path.join(dir, 'a.txt'), 'tampered\n');
    expect(await repo.stageChangedSince(start)).toEqual(['a.txt']);
    fs.writeFileSync(path.join(dir, 'a.txt'), 'one\n');
    repo.dropStaged();
    expect(await repo.commitStaged('round 1')).toBeUndefined();
    expect(await git('status', '--porcelain')).toBe('');
  });
});

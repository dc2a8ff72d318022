// The git operations of a run: its own branch, one commit per round, and the diff each round made.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../util/errors.js';
import {
  readRecords,
  recordsName,
  writeRecords,
  type LineRecord,
  type RunRecords,
  type SavedWork,
} from './run-records.js';
import { readHead } from './read-head.js';
import { runGit, runGitCapped } from './run-git.js';
import { commitSubmodules, hasSubmodules } from './submodules.js';

export type Commit = { sha: string; message: string; files: string[]; diff: string };

/** Diff kept per round for prompts and events; the full diff stays in git. */
const diffCap = 64 * 1024;
/**
 * Files larger than this show as "Binary files … differ" in that diff: they are committed, never diffed in memory.
 */
const bigFile = '1m';
/** Room for the list of changed files read with that diff, beside it. */
const namesCap = 64 * 1024;

/** A full commit id, as recorded for a run that started on a detached HEAD. */
export const isCommitId = (ref: string): boolean => /^[0-9a-f]{40}$/.test(ref);

export class Repo {
  /** Runs git here, after `settings` (`-c` pairs: an identity when the user has none). */
  private readonly git: { raw(args: string[]): Promise<string> };

  /** The last commit this repo made and its tree: the parent of the next one while HEAD still names it. */
  private lastCommit?: { sha: string; tree: string };

  /** The tree stageChangedSince staged and wrote, while nothing has changed it since: what commitStaged commits. */
  private staged?: string;

  private constructor(
    readonly dir: string,
    private readonly settings: string[],
    private readonly recordsFile: string,
  ) {
    this.git = { raw: (args) => runGit(dir, [...settings, ...args]) };
  }

  static async open(dir: string): Promise<Repo> {
    const inside = await runGit(dir, ['rev-parse', '--is-inside-work-tree']).catch(() => '');
    if (inside.trim() !== 'true') {
      throw new UserError(
        `${dir} is not a git repository: run \`git init\` (or \`factory init\`, which does it) and commit your ` +
          'files first',
      );
    }
    const identity = await runGit(dir, ['config', 'user.email']).catch(() => '');
    const records = await gitPath(dir, recordsName);
    const repo = new Repo(
      dir,
      identity.trim() ? [] : ['-c', 'user.name=factory', '-c', 'user.email=factory@localhost'],
      records,
    );
    if (!(await repo.head()))
      throw new UserError(
        `${dir} has no commits yet: commit your files once (git add -A && git commit -m start) so the factory ` +
          'can branch from them',
      );
    return repo;
  }

  async head(): Promise<string | undefined> {
    return (
      readHead(this.dir) ??
      ((await this.git.raw(['rev-parse', '--verify', '--quiet', 'HEAD']).catch(() => '')).trim() || undefined)
    );
  }

  /** The checked-out branch, or `HEAD` when detached. */
  async branch(): Promise<string> {
    return (await this.git.raw(['rev-parse', '--abbrev-ref', 'HEAD'])).trim();
  }

  /**
   * Files changed and not committed, as `git status --porcelain` lines. Without status's optional refresh of the
   * index: its lock would make a `git add` beside it fail (stageChangedSince while the guard looks).
   */
  async uncommitted(): Promise<string[]> {
    return (await this.git.raw(['--no-optional-locks', 'status', '--porcelain', '--untracked-files=all']))
      .split('\n')
      .filter(Boolean);
  }

  /**
   * Stages the work tree (`git add -A`), writes its tree and returns the files it differs from a commit in (as
   * changedSince does): one pass over the tree serves the guard's list before the tests and the commit after them
   * (commitStaged). With submodules nothing is staged (their commits come first, at the commit).
   */
  async stageChangedSince(sha: string): Promise<string[]> {
    if (hasSubmodules(this.dir)) return this.changedSince(sha);
    this.staged = undefined;
    await this.git.raw(['add', '-A']);
    const tree = (await this.git.raw(['write-tree'])).trim();
    // Between trees: subtrees the round left alone are skipped whole.
    const names = await this.git.raw(['diff-tree', '-r', '--name-only', '--no-renames', '-z', sha, tree]);
    this.staged = tree;
    return names.split('\0').filter(Boolean);
  }

  /** Something changed the work tree after it was staged (the guard put a file back): the commit stages it again. */
  dropStaged(): void {
    this.staged = undefined;
  }

  /** Files changed since a commit (committed or not, deleted ones included) and new ones git does not ignore. */
  async changedSince(sha: string): Promise<string[]> {
    const [changed, added] = await Promise.all([
      this.git.raw(['diff', '--name-only', '--no-renames', '-z', sha]),
      this.git.raw(['ls-files', '-z', '--others', '--exclude-standard']),
    ]);
    return [...new Set([...changed.split('\0'), ...added.split('\0')])].filter(Boolean);
  }

  /** The files git tracks, as project-relative paths. */
  async trackedFiles(): Promise<string[]> {
    return (await this.git.raw(['ls-files', '-z'])).split('\0').filter(Boolean);
  }

  records(): RunRecords {
    return readRecords(this.recordsFile);
  }

  private updateRecords(change: (records: RunRecords) => void): void {
    const records = this.records();
    change(records);
    writeRecords(this.recordsFile, records);
  }

  /** A production line's worktree and branch, recorded before git makes them so reset always knows them. */
  recordLine(line: LineRecord): void {
    this.updateRecords((records) => {
      if (!records.lines.some((known) => known.branch === line.branch)) records.lines.push(line);
    });
  }

  /** The line's worktree and branch are both gone. */
  forgetLine(branch: string): void {
    this.updateRecords((records) => {
      records.lines = records.lines.filter((line) => line.branch !== branch);
    });
  }

  /** Runs git here with the run's identity (merges factory makes). */
  raw(args: string[]): Promise<string> {
    return this.git.raw(args);
  }

  /** Forgets every record (after `factory reset --hard` has undone what they name). */
  clearRecords(): void {
    fs.rmSync(this.recordsFile, { force: true });
  }

  /** Tracked files and new ones git does not ignore, as project-relative paths (what a round could have added). */
  async presentFiles(): Promise<string[]> {
    const listed = (await this.git.raw(['ls-files', '-z', '--cached', '--others', '--exclude-standard']))
      .split('\0')
      .filter(Boolean);
    return [...new Set(listed)].filter((file) => fs.existsSync(path.join(this.dir, file)));
  }

  /** Keeps the factory's own folder out of git without touching the user's .gitignore (in a worktree too). */
  async excludeFolder(folder: string): Promise<void> {
    const exclude = await gitPath(this.dir, 'info/exclude');
    const current = fs.existsSync(exclude) ? fs.readFileSync(exclude, 'utf8') : '';
    if (current.split('\n').includes(`/${folder}/`)) return;
    fs.mkdirSync(path.dirname(exclude), { recursive: true });
    fs.appendFileSync(exclude, `${current === '' || current.endsWith('\n') ? '' : '\n'}/${folder}/\n`);
  }

  /** Creates and checks out a new branch, recorded as the factory's own; a taken name gets a numbered suffix. */
  async checkoutNewBranch(name: string): Promise<string> {
    const taken = new Set((await this.git.raw(['branch', '--list', '--format=%(refname:short)'])).split('\n'));
    let candidate = name;
    for (let n = 2; taken.has(candidate); n++) candidate = `${name}-${n}`;
    // Recorded first: a crash between the two leaves a name reset skips, never a branch it does not know.
    this.updateRecords((records) => void records.branches.push(candidate));
    await this.git.raw(['checkout', '-q', '-b', candidate]);
    return candidate;
  }

  /**
   * The user's branch (or, on a detached HEAD, commit) the factory's branches grow
   * from. A run started on one of the factory's own branches keeps the base
   * recorded by the first; a user's branch named `factory/…` is a base like any.
   */
  async baseBranch(): Promise<string> {
    const current = await this.branch();
    const records = this.records();
    if (records.base && records.branches.includes(current)) return records.base.ref;
    const detached = current === 'HEAD';
    const ref = detached ? ((await this.head()) ?? current) : current;
    this.updateRecords((next) => {
      next.base = { ref, detached };
    });
    return ref;
  }

  /** Checks out a branch, or a commit (detached) when given a commit id. */
  async checkout(ref: string): Promise<void> {
    await this.git.raw(isCommitId(ref) ? ['checkout', '-q', '--detach', ref] : ['checkout', '-q', ref]);
  }

  /** Goes back to `base` and deletes `branch` when it holds no commit of its own; true when it did. */
  async dropEmptyBranch(branch: string, base: string): Promise<boolean> {
    if (Number((await this.git.raw(['rev-list', '--count', `${base}..${branch}`])).trim()) > 0) return false;
    await this.checkout(base);
    await this.git.raw(['branch', '-q', '-D', branch]);
    this.updateRecords((records) => {
      records.branches = records.branches.filter((name) => name !== branch);
    });
    return true;
  }

  /**
   * Keeps the user's uncommitted work (--allow-dirty) in a stash factory names, and leaves it in the tree for the
   * run: `factory reset --hard` puts it back on the base and says where the copy is.
   */
  async saveUncommitted(runId: string, files: string[]): Promise<SavedWork> {
    const message = `factory run ${runId}: your uncommitted work from before the run (--allow-dirty)`;
    await this.git.raw(['stash', 'push', '-q', '--include-untracked', '-m', message]);
    const stash = (await this.git.raw(['rev-parse', 'stash@{0}'])).trim();
    await this.git.raw(['stash', 'apply', '-q', '--index', stash]);
    const saved = { runId, stash, message, files };
    this.updateRecords((records) => void records.savedWork.push(saved));
    return saved;
  }

  /**
   * Puts the branch and the tree back to a commit, dropping what came after it (the factory's own interrupted round).
   */
  async restore(sha: string): Promise<void> {
    this.staged = undefined;
    const submodules = hasSubmodules(this.dir);
    await this.git.raw(['reset', '-q', '--hard', ...(submodules ? ['--recurse-submodules'] : []), sha]);
    await this.git.raw(['clean', '-fdq']);
    if (submodules) await this.git.raw(['submodule', 'foreach', '--recursive', '--quiet', 'git clean -fdq']);
  }

  /**
   * Stages everything and commits it; undefined when nothing changed. Plumbing (write-tree, commit-tree,
   * update-ref) instead of `git commit`, which scans the whole work tree a second time for its status:
   * on 10,000 files that scan was most of a round's cost (see `factory bench round`). No hooks run, as with
   * --no-verify. Edits inside a submodule are committed there first, so the superproject's commit records them.
   */
  async commitAll(message: string): Promise<Commit | undefined> {
    this.staged = undefined;
    if (hasSubmodules(this.dir))
      await commitSubmodules(this.dir, this.settings, message, (start) =>
        this.updateRecords((records) => {
          if (!records.submodules.some((known) => known.path === start.path)) records.submodules.push(start);
        }),
      );
    const [, heads] = await Promise.all([this.git.raw(['add', '-A']), this.heads()]);
    return this.commitTree(message, (await this.git.raw(['write-tree'])).trim(), heads);
  }

  /**
   * Commits the tree stageChangedSince staged, leaving out what changed in the work tree since (what a test run
   * wrote goes into the next commit); commitAll when nothing is staged.
   */
  async commitStaged(message: string): Promise<Commit | undefined> {
    const tree = this.staged;
    this.staged = undefined;
    return tree ? this.commitTree(message, tree, await this.heads()) : this.commitAll(message);
  }

  /** HEAD and its tree, two lines: from the last commit while HEAD still names it, else from git. */
  private heads(): Promise<string> | string {
    const last = this.lastCommit;
    return last && readHead(this.dir) === last.sha
      ? `${last.sha}\n${last.tree}`
      : this.git.raw(['rev-parse', 'HEAD', 'HEAD^{tree}']);
  }

  private async commitTree(message: string, tree: string, heads: string): Promise<Commit | undefined> {
    const [parent = '', parentTree = ''] = heads.split('\n');
    if (tree === parentTree) return undefined;
    // The diff is between trees, so it runs alongside the commit rather than after it.
    const [sha, changed] = await Promise.all([
      this.git.raw(['commit-tree', tree, '-p', parent, '-m', message]).then(async (out) => {
        await this.git.raw(['update-ref', '-m', `commit: ${message.split('\n')[0]}`, 'HEAD', out.trim(), parent]);
        return out.trim();
      }),
      this.treeDiff(parentTree, tree),
    ]);
    this.lastCommit = { sha, tree };
    const shown = changed.cut
      ? `${changed.diff}\n[… diff cut at ${diffCap} characters: the whole change is in commit ${sha.slice(0, 10)} …]\n`
      : changed.diff;
    return { sha, message, files: changed.files, diff: shown };
  }

  /**
   * The files two trees differ in and the patch (its first diffCap characters), from one git process: the raw part
   * (`:modes ids status\0path\0` per file, then a NUL) comes before the patch. A raw part too long to fit beside the
   * patch (hundreds of files) is asked for on its own, as is the patch.
   */
  private async treeDiff(from: string, to: string): Promise<{ files: string[]; diff: string; cut: boolean }> {
    const patch = ['-c', `core.bigFileThreshold=${bigFile}`, 'diff-tree', '-r', '--no-color', '--no-ext-diff'];
    const both = await runGitCapped(this.dir, [...patch, '-z', '--raw', '-p', from, to], diffCap + namesCap);
    const end = both.text.indexOf('\0\0');
    if (end >= 0 || !both.cut) {
      const raw = end >= 0 ? both.text.slice(0, end + 1) : both.text;
      const diff = end >= 0 ? both.text.slice(end + 2) : '';
      const files = raw.split('\0').filter((field, index) => index % 2 === 1 && field !== '');
      return { files, diff: diff.slice(0, diffCap), cut: diff.length > diffCap || (both.cut && end >= 0) };
    }
    const [names, alone] = await Promise.all([
      this.git.raw(['diff-tree', '-r', '-z', '--name-only', from, to]),
      runGitCapped(this.dir, [...patch, '-p', from, to], diffCap),
    ]);
    return { files: names.split('\0').filter(Boolean), diff: alone.text, cut: alone.cut };
  }
}

/** Where a file of the git folder is for this checkout: `.git` may be a file (worktree, submodule), info/ shared. */
async function gitPath(dir: string, name: string): Promise<string> {
  return path.resolve(dir, (await runGit(dir, ['rev-parse', '--git-path', name])).trim());
}

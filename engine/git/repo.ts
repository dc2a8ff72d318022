// The git operations of a run: its own branch, one commit per round, and the diff each round made.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../util/errors.js';
import { tail } from '../util/capped-text.js';
import { runGit } from './run-git.js';

export type Commit = { sha: string; message: string; files: string[]; diff: string };

/** Diff kept per round for prompts and events; the full diff stays in git. */
const diffCap = 64 * 1024;

export class Repo {
  /** Runs git here, after `settings` (`-c` pairs: an identity when the user has none). */
  private readonly git: { raw(args: string[]): Promise<string> };

  private constructor(readonly dir: string, settings: string[]) {
    this.git = { raw: (args) => runGit(dir, [...settings, ...args]) };
  }

  static async open(dir: string): Promise<Repo> {
    const inside = await runGit(dir, ['rev-parse', '--is-inside-work-tree']).catch(() => '');
    if (inside.trim() !== 'true') {
      throw new UserError(`${dir} is not a git repository: run \`git init\` (or \`factory init\`, which does it) and commit your files first`);
    }
    const identity = await runGit(dir, ['config', 'user.email']).catch(() => '');
    const repo = new Repo(dir, identity.trim() ? [] : ['-c', 'user.name=factory', '-c', 'user.email=factory@localhost']);
    if (!(await repo.head())) throw new UserError(`${dir} has no commits yet: commit your files once (git add -A && git commit -m start) so the factory can branch from them`);
    return repo;
  }

  async head(): Promise<string | undefined> {
    return (await this.git.raw(['rev-parse', '--verify', '--quiet', 'HEAD']).catch(() => '')).trim() || undefined;
  }

  async branch(): Promise<string> {
    return (await this.git.raw(['rev-parse', '--abbrev-ref', 'HEAD'])).trim();
  }

  /** Files changed and not committed, as `git status --porcelain` lines. */
  async uncommitted(): Promise<string[]> {
    return (await this.git.raw(['status', '--porcelain', '--untracked-files=all'])).split('\n').filter(Boolean);
  }

  /** The files git tracks, as project-relative paths. */
  async trackedFiles(): Promise<string[]> {
    return (await this.git.raw(['ls-files', '-z'])).split('\0').filter(Boolean);
  }

  /** Tracked files and new ones git does not ignore, as project-relative paths (what a round could have added). */
  async presentFiles(): Promise<string[]> {
    const listed = (await this.git.raw(['ls-files', '-z', '--cached', '--others', '--exclude-standard'])).split('\0').filter(Boolean);
    return [...new Set(listed)].filter((file) => fs.existsSync(path.join(this.dir, file)));
  }

  /** Keeps the factory's own folder out of git without touching the user's .gitignore. */
  excludeFolder(folder: string): void {
    const exclude = path.join(this.dir, '.git', 'info', 'exclude');
    const current = fs.existsSync(exclude) ? fs.readFileSync(exclude, 'utf8') : '';
    if (current.split('\n').includes(`/${folder}/`)) return;
    fs.mkdirSync(path.dirname(exclude), { recursive: true });
    fs.appendFileSync(exclude, `${current === '' || current.endsWith('\n') ? '' : '\n'}/${folder}/\n`);
  }

  /** Creates and checks out a new branch; a taken name gets a numbered suffix. Returns the name used. */
  async checkoutNewBranch(name: string): Promise<string> {
    const taken = new Set((await this.git.raw(['branch', '--list', '--format=%(refname:short)'])).split('\n'));
    let candidate = name;
    for (let n = 2; taken.has(candidate); n++) candidate = `${name}-${n}`;
    await this.git.raw(['checkout', '-q', '-b', candidate]);
    return candidate;
  }

  /** The user's branch the factory's branches grow from, kept in git config so it outlives .factory/. */
  async baseBranch(): Promise<string> {
    const current = await this.branch();
    if (!current.startsWith('factory/')) {
      await this.git.raw(['config', 'factory.baseBranch', current]);
      return current;
    }
    return (await this.git.raw(['config', 'factory.baseBranch']).catch(() => '')).trim() || current;
  }

  async checkout(name: string): Promise<void> {
    await this.git.raw(['checkout', '-q', name]);
  }

  /** Goes back to `base` and deletes `branch` when it holds no commit of its own; true when it did. */
  async dropEmptyBranch(branch: string, base: string): Promise<boolean> {
    if (Number((await this.git.raw(['rev-list', '--count', `${base}..${branch}`])).trim()) > 0) return false;
    await this.checkout(base);
    await this.git.raw(['branch', '-q', '-D', branch]);
    return true;
  }

  /** Puts the branch and the tree back to a commit, dropping what came after it (the factory's own interrupted round). */
  async restore(sha: string): Promise<void> {
    await this.git.raw(['reset', '-q', '--hard', sha]);
    await this.git.raw(['clean', '-fdq']);
  }

  /**
   * Stages everything and commits it; undefined when nothing changed. Plumbing (write-tree, commit-tree,
   * update-ref) instead of `git commit`, which scans the whole work tree a second time for its status:
   * on 10,000 files that scan was most of a round's cost (see `factory bench round`). No hooks run, as with --no-verify.
   */
  async commitAll(message: string): Promise<Commit | undefined> {
    const [, heads] = await Promise.all([this.git.raw(['add', '-A']), this.git.raw(['rev-parse', 'HEAD', 'HEAD^{tree}'])]);
    const [parent = '', parentTree = ''] = heads.split('\n');
    const tree = (await this.git.raw(['write-tree'])).trim();
    if (tree === parentTree) return undefined;
    // The diff is between trees, so it runs alongside the commit rather than after it.
    const [sha, names, diff] = await Promise.all([
      this.git.raw(['commit-tree', tree, '-p', parent, '-m', message]).then(async (out) => {
        await this.git.raw(['update-ref', '-m', `commit: ${message.split('\n')[0]}`, 'HEAD', out.trim(), parent]);
        return out.trim();
      }),
      this.git.raw(['diff-tree', '-r', '-z', '--name-only', parentTree, tree]),
      this.git.raw(['diff-tree', '-p', '--no-color', '--no-ext-diff', parentTree, tree]),
    ]);
    return { sha, message, files: names.split('\0').filter(Boolean), diff: tail(diff, diffCap) };
  }
}

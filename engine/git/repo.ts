// The git operations of a run: its own branch, one commit per round, and the diff each round made.
import fs from 'node:fs';
import path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { UserError } from '../util/errors.js';
import { tail } from '../util/capped-text.js';

export type Commit = { sha: string; message: string; files: string[]; diff: string };

/** Diff kept per round for prompts and events; the full diff stays in git. */
const diffCap = 64 * 1024;

export class Repo {
  private constructor(private readonly git: SimpleGit, readonly dir: string) {}

  static async open(dir: string): Promise<Repo> {
    const probe = simpleGit(dir);
    if (!(await probe.checkIsRepo().catch(() => false))) {
      throw new UserError(`${dir} is not a git repository: run \`git init\` (or \`factory init\`, which does it) and commit your files first`);
    }
    const identity = await probe.raw(['config', 'user.email']).catch(() => '');
    const git = identity.trim() ? probe : simpleGit(dir, { config: ['user.name=factory', 'user.email=factory@localhost'] });
    const repo = new Repo(git, dir);
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

  /** Keeps the factory's own folder out of git without touching the user's .gitignore. */
  excludeFolder(folder: string): void {
    const exclude = path.join(this.dir, '.git', 'info', 'exclude');
    const current = fs.existsSync(exclude) ? fs.readFileSync(exclude, 'utf8') : '';
    if (current.split('\n').includes(`/${folder}/`)) return;
    fs.mkdirSync(path.dirname(exclude), { recursive: true });
    fs.appendFileSync(exclude, `${current === '' || current.endsWith('\n') ? '' : '\n'}/${folder}/\n`);
  }

  async checkoutNewBranch(name: string): Promise<void> {
    await this.git.raw(['checkout', '-q', '-b', name]);
  }

  async checkout(name: string): Promise<void> {
    await this.git.raw(['checkout', '-q', name]);
  }

  /** Stages everything and commits it; undefined when nothing changed. */
  async commitAll(message: string): Promise<Commit | undefined> {
    await this.git.raw(['add', '-A']);
    const files = (await this.git.raw(['diff', '--cached', '--name-only'])).split('\n').filter(Boolean);
    if (files.length === 0) return undefined;
    await this.git.raw(['commit', '-q', '--no-verify', '-m', message]);
    const sha = (await this.git.raw(['rev-parse', 'HEAD'])).trim();
    const diff = await this.git.raw(['show', '--format=', '--no-color', '--patch', 'HEAD']);
    return { sha, message, files, diff: tail(diff, diffCap) };
  }
}

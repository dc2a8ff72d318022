// The code scan of a run: every code file the run changed since it started (the user's commit), outside conftest.py
// and the locked files, scanned after each round's worker. A finding makes the round red, whatever the tests say:
// code that reaches into the test machinery can forge their verdict.
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import type { RunDeps } from '../../../loop/run-deps.js';
import type { TestSummary } from '../../../contract/test-summary.js';
import { writeFileAtomic } from '../../../util/atomic-write.js';
import type { FileRole } from './file-role.js';
import type { CodeFinding } from './finding.js';
import { isScannable, scanFile } from './scan-file.js';

type ScanDeps = Pick<RunDeps, 'projectDir' | 'repo' | 'paths' | 'resume' | 'say'>;
const startSchema = z.object({ start: z.string() });

/** Larger files are generated or vendored, not written in a round. */
const maxBytes = 1_000_000;

export class CodeScan {
  private findings: CodeFinding[] = [];

  private constructor(
    private readonly ctx: ScanDeps,
    private readonly start: string,
  ) {}

  /** A new run scans from its first commit on; a resumed one from where that run started. */
  static async start(ctx: ScanDeps): Promise<CodeScan> {
    const file = path.join(ctx.paths.root, 'code-scan.json');
    const kept = ctx.resume ? readStart(file) : undefined;
    const start = kept ?? (await ctx.repo.head()) ?? '';
    if (!kept) writeFileAtomic(file, `${JSON.stringify({ start })}\n`);
    return new CodeScan(ctx, start);
  }

  /**
   * The files the run changed so far, with the tree staged for the round's commit (Repo.stageChangedSince). Asked for
   * once the guard has put the locked files back (git's staging must not race its writes); a file the guard then
   * removes is simply not there to read.
   */
  changedFiles(): Promise<string[]> {
    return this.start ? this.ctx.repo.stageChangedSince(this.start) : this.ctx.repo.presentFiles();
  }

  /**
   * Scans the code the run changed (changed: changedFiles()); returns the lines for the next prompt. roleOf: a test file's role, undefined for
   * files that are not scanned (locked files, the runner's configuration).
   */
  scan(roleOf: (file: string) => FileRole | undefined, changed: readonly string[]): string[] {
    this.findings = changed.flatMap((file) => {
      const role = isScannable(file) && !ignored(file) ? roleOf(file) : undefined;
      const text = role && readSmall(path.join(this.ctx.projectDir, file));
      return role && text !== undefined ? scanFile(file, text, role) : [];
    });
    return this.findings.map((finding) => {
      const detail = `line ${finding.line}: ${finding.what} — ${finding.why}`;
      this.ctx.say('guard:violation', { path: finding.path, kind: 'test-machinery', what: 'code', detail });
      return (
        `${finding.path} line ${finding.line} reaches into the test machinery: ${finding.what}. ${finding.why}. ` +
        'Remove it: this round does not count while it is there.'
      );
    });
  }

  /** No finding in the last scan: the run's results can be learned from. */
  get clean(): boolean {
    return this.findings.length === 0;
  }

  /** The run as it counts: red while the scan found code reaching into the test machinery. */
  judge(tests: TestSummary): TestSummary {
    if (this.clean) return tests;
    const reason = this.findings.map((finding) => `${finding.path}:${finding.line} ${finding.what}`).join('; ');
    this.ctx.say('guard:failed', { reason: `code reaches into the test machinery: ${reason}` });
    const marked = Object.fromEntries(
      this.findings.map((finding) => [`${finding.path}::(test machinery, line ${finding.line})`, 'failed' as const]),
    );
    return {
      ...tests,
      green: false,
      failed: tests.failed + Object.keys(marked).length,
      tests: { ...tests.tests, ...marked },
      errors: { ...tests.errors, ...Object.fromEntries(Object.keys(marked).map((id) => [id, reason])) },
      headline: `${tests.headline} — guard: code reaches into the test machinery (${reason})`,
      output: `${tests.output}\n\nfactory code guard: this run does not count: ${reason}\n`,
    };
  }
}

const ignored = (file: string): boolean =>
  file.split('/').some((part) => part === 'node_modules' || part === '.factory' || part === '.git') ||
  path.posix.basename(file) === 'conftest.py';

function readStart(file: string): string | undefined {
  try {
    return startSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8'))).start;
  } catch {
    return undefined;
  }
}

function readSmall(file: string): string | undefined {
  try {
    return fs.statSync(file).size > maxBytes ? undefined : fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

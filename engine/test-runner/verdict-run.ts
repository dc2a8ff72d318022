// What a verdict run (the baseline, a round's tests) adds to a test run: a fresh folder outside the project for the
// report (made just before the run, removed after, so nothing can pre-write it), factory's canaries, and the rules that
// make a run red rather than trusted: canaries wrong, or per-test results gone after a baseline that had them.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Sandbox } from '../sandbox/sandbox.js';
import { runDisagreement } from './run-disagreement.js';
import { checkCanaries, type Canaries } from './canaries/canaries.js';
import { pytestCanaries } from './canaries/pytest-canary.js';
import type { RunnerId } from './recognise-runner.js';
import { noCounts, type ParsedRun } from '../contract/test-summary.js';

export type VerdictOptions = {
  /** The baseline had per-test results: a run without them now is red, never judged on its exit code. */
  perTestBefore: boolean;
};

export type VerdictFolder = {
  /** On the host: where the report is read from. */
  host: string;
  /** As the command sees it. */
  inside: string;
  nonce: string;
  remove(): void;
};

/**
 * A fresh folder for one run: in the sandbox's verdict mount (Docker), else in the host's temp folder, which local
 * processes see at the same path (passed as writableDirs).
 */
export function openVerdictFolder(sandbox: Sandbox): VerdictFolder {
  const mount = sandbox.verdictMount;
  const host = fs.mkdtempSync(path.join(mount?.host ?? os.tmpdir(), 'factory-verdict-'));
  if (mount?.owner && process.getuid?.() === 0) fs.chownSync(host, mount.owner.uid, mount.owner.gid);
  return {
    host,
    inside: mount ? path.posix.join(mount.inside, path.basename(host)) : host,
    nonce: crypto.randomBytes(6).toString('hex'),
    remove: () => fs.rmSync(host, { recursive: true, force: true }),
  };
}

/** The canaries factory can add for this runner, written into the folder; undefined where it cannot (README). */
export function canariesFor(runner: RunnerId, folder: VerdictFolder): Canaries | undefined {
  if (runner === 'pytest') return pytestCanaries(folder.nonce, folder.host, folder.inside);
  return undefined;
}

export type VerdictCheck = { run: ParsedRun; exitCode: number | null; untrusted?: string };

/**
 * The results as they count: canaries checked and removed; a must-fail canary that failed explains pytest's exit 1,
 * while exit 0 beside it means the exit code was forged; an exit code, report and printed summary that disagree mean
 * one of them was (run-disagreement.ts).
 */
export function checkVerdict(
  parsed: ParsedRun | undefined,
  why: string | undefined,
  exitCode: number | null,
  canaries: Canaries | undefined,
  options: VerdictOptions,
  output: string,
): VerdictCheck | undefined {
  if (!parsed) {
    if (!options.perTestBefore || why === undefined) return undefined;
    return {
      run: { runner: 'unknown', source: 'no report', ...noCounts(), tests: {}, errors: {} },
      exitCode,
      untrusted: `the runner stopped reporting per-test results: ${why}`,
    };
  }
  const counted = countedVerdict(parsed, exitCode, canaries);
  const disagreement = counted.untrusted ? undefined : runDisagreement(counted.run, counted.exitCode, parsed, output);
  return disagreement ? { ...counted, untrusted: `the test run was tampered with: ${disagreement}` } : counted;
}

function countedVerdict(parsed: ParsedRun, exitCode: number | null, canaries: Canaries | undefined): VerdictCheck {
  if (!canaries) return { run: parsed, exitCode };
  const check = checkCanaries(parsed, canaries);
  if (check.tampered) return { run: check.run, exitCode, untrusted: check.tampered };
  if (exitCode === 0)
    return {
      run: check.run,
      exitCode,
      untrusted: "the test run was tampered with: it exited 0 although factory's must-fail canary failed",
    };
  const onlyCanaryFailed = check.run.failed === 0 && check.run.errored === 0 && exitCode === 1;
  return { run: check.run, exitCode: onlyCanaryFailed ? 0 : exitCode };
}

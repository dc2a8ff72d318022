// run_tests: the task's test command in the run's sandbox, maybe narrowed to some tests, read the way factory reads its
// own runs; the model gets the exit code, the counts, the failing ids and the output trimmed as prompts trim it.
import fs from 'node:fs';
import path from 'node:path';
import { trimTestOutput } from '../prompt/trim-test-output.js';
import type { Sandbox } from '../sandbox/sandbox.js';
import { recogniseRunner } from '../test-runner/recognise-runner.js';
import { runTests } from '../test-runner/run-tests.js';
import { fileOfTestId } from '../test-runner/test-id.js';
import { narrowTestCommand } from './narrow-test-command.js';
import { nestedPytestConfig } from './nested-pytest-config.js';
import { failingTests } from '../contract/test-summary.js';
import type { ToolRun } from './tool-spec.js';

export type RunTestsCall = {
  sandbox: Sandbox;
  projectDir: string;
  /** The test command, narrowed (testCommandFor). */
  command: string;
  timeoutSeconds: number;
  signal: AbortSignal;
};

/** The command for these checked ids and files (tool-inputs.ts), or why it cannot run: before anything runs. */
export function testCommandFor(
  projectDir: string,
  testCommand: string,
  tests: readonly string[],
): { command: string } | { refused: string } {
  const files = tests.map(fileOfTestId);
  const missing = files.find((file) => !insideProject(projectDir, file));
  if (missing !== undefined) return { refused: `no such test file in the project: ${missing}` };
  const nested = recogniseRunner(testCommand)?.runner === 'pytest' ? nestedPytestConfig(projectDir, files) : undefined;
  if (nested !== undefined)
    return { refused: `${nested} would be pytest's config for this run instead of the project's: run all the tests` };
  const narrowed = narrowTestCommand(testCommand, tests);
  return 'problem' in narrowed ? { refused: narrowed.problem } : narrowed;
}

export async function runTestsTool(call: RunTestsCall): Promise<ToolRun> {
  const summary = await runTests(call.sandbox, {
    command: call.command,
    projectDir: call.projectDir,
    timeoutSeconds: call.timeoutSeconds,
    signal: call.signal,
    onOutput: () => undefined,
  });
  const failing = failingTests(summary);
  const status = summary.timedOut
    ? `killed: over TEST_TIMEOUT (${call.timeoutSeconds} s)`
    : call.signal.aborted
      ? 'killed: the run is stopping'
      : `exit code ${summary.exitCode}`;
  const lines = [
    `${status}; ${summary.passed} passed, ${summary.failed} failed, ` +
      `${summary.errored} errors, ${summary.skipped} skipped`,
    `${summary.headline} (${call.command})`,
    ...(failing.length > 0 ? ['failing:', ...failing.slice(0, 50).map((id) => `- ${id}`)] : []),
    '',
    trimTestOutput(summary.output),
  ];
  return {
    text: lines.join('\n'),
    isError: summary.timedOut || call.signal.aborted,
    exitCode: summary.exitCode,
    timedOut: summary.timedOut,
    output: summary.output,
  };
}

/** An existing file or folder under the project, links resolved (a link out of it does not count). */
function insideProject(projectDir: string, file: string): boolean {
  try {
    const root = fs.realpathSync(projectDir);
    const real = fs.realpathSync(path.join(root, file));
    return real === root || real.startsWith(`${root}${path.sep}`);
  } catch {
    return false;
  }
}

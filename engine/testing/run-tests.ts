// Runs the test command in the sandbox, streaming its output as events, and parses the result.
import type { Sandbox } from '../sandbox/sandbox.js';
import { parseTestOutput } from './parse-test-output.js';
import type { TestSummary } from './test-result.js';

export type TestRunOptions = {
  command: string;
  timeoutSeconds: number;
  signal: AbortSignal;
  onOutput: (text: string) => void;
};

export async function runTests(sandbox: Sandbox, options: TestRunOptions): Promise<TestSummary> {
  const run = await sandbox.exec(options.command, { timeoutMs: options.timeoutSeconds * 1000, onOutput: options.onOutput, signal: options.signal });
  return parseTestOutput(options.command, run);
}

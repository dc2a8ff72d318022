// Turns a test command's exit code and output into a TestSummary, trying each runner's parser in turn.
import type { ExecResult } from '../sandbox/sandbox.js';
import { cleanText } from '../util/clean-text.js';
import { noCounts, type ParsedRun, type TestSummary } from './test-result.js';
import { parsePytest } from './parsers/pytest.js';
import { parseJestLike } from './parsers/jest-like.js';
import { parseGoTest } from './parsers/go-test.js';
import { parseCargoTest } from './parsers/cargo-test.js';
import { parseBdd } from './parsers/bdd.js';

const parsers = [parsePytest, parseJestLike, parseCargoTest, parseGoTest, parseBdd];

export function parseTestOutput(command: string, run: ExecResult): TestSummary {
  const output = cleanText(run.output);
  const parsed: ParsedRun = parsers.reduce<ParsedRun | undefined>((found, parse) => found ?? parse(output), undefined) ?? {
    runner: 'unknown',
    ...noCounts(),
    tests: {},
    errors: {},
  };
  if (parsed.runner === 'unknown' && run.exitCode !== 0) parsed.errored = 1;
  const green = !run.timedOut && run.exitCode === 0 && parsed.failed === 0 && parsed.errored === 0 && (parsed.passed > 0 || parsed.runner === 'unknown');
  return { ...parsed, command, exitCode: run.exitCode, timedOut: run.timedOut, durationMs: run.durationMs, green, headline: headline(parsed, run, green), output, truncated: run.truncated };
}

function headline(parsed: ParsedRun, run: ExecResult, green: boolean): string {
  if (run.timedOut) return `timed out after ${Math.round(run.durationMs / 1000)} s`;
  const total = parsed.passed + parsed.failed + parsed.errored;
  if (parsed.runner === 'unknown') return green ? 'passing (exit code 0)' : `failing (exit code ${run.exitCode ?? 'none'})`;
  const errors = parsed.errored > 0 ? `, ${parsed.errored} errors` : '';
  return `${parsed.passed}/${total} passing${errors}`;
}

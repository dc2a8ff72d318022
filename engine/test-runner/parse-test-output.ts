// Turns a test command's exit code and output into a TestSummary: the command's own runner's parser first, then by
// output.
import type { ExecResult } from '../sandbox/sandbox.js';
import { cleanText } from '../util/clean-text.js';
import { noCounts, type ParsedRun, type TestSummary } from '../contract/test-summary.js';
import type { ResultContext } from './runner-report.js';
import { recogniseRunner, type RunnerId } from './recognise-runner.js';
import { parsePytest, pytestSummary } from './parsers/pytest.js';
import { jestSummary, parseJestLike, vitestSummary } from './parsers/jest-like.js';
import { goSummary, parseGoTest } from './parsers/go-test.js';
import { cargoSummary, parseCargoTest } from './parsers/cargo-test.js';
import { behaveSummary, cucumberSummary, parseBdd } from './parsers/bdd.js';

type TextParser = {
  runners: RunnerId[];
  summary: RegExp;
  parse: (output: string, context?: ResultContext) => ParsedRun | undefined;
};

const textParsers: TextParser[] = [
  { runners: ['pytest'], summary: pytestSummary, parse: parsePytest },
  { runners: ['jest'], summary: jestSummary, parse: (output) => parseJestLike(output, 'jest') },
  { runners: ['vitest'], summary: vitestSummary, parse: (output) => parseJestLike(output, 'vitest') },
  { runners: ['cargo test'], summary: cargoSummary, parse: parseCargoTest },
  { runners: ['go test'], summary: goSummary, parse: (output, context) => parseGoTest(output, context?.projectDir) },
  { runners: ['behave'], summary: behaveSummary, parse: parseBdd },
  { runners: ['cucumber'], summary: cucumberSummary, parse: parseBdd },
];

/**
 * The runner the command starts reads the output first, so a jest test that prints "3 passed in 0.5s" is not
 * pytest's. For a command factory does not recognise (`make test`), the runner whose closing line comes last wins:
 * a test's own output comes before its runner's summary.
 * @internal tested by itself, on each runner's text.
 */
export function parseTextOutput(command: string, output: string, context?: ResultContext): ParsedRun | undefined {
  const runner = recogniseRunner(command)?.runner;
  const own = textParsers.filter((parser) => runner && parser.runners.includes(runner));
  const others = textParsers
    .filter((parser) => !own.includes(parser))
    .map((parser) => ({ parser, at: lastMatch(parser.summary, output) }))
    .filter((item) => item.at >= 0)
    .sort((a, b) => b.at - a.at)
    .map((item) => item.parser);
  for (const parser of [...own, ...others]) {
    const parsed = parser.parse(output, context);
    if (parsed) return parsed;
  }
  return undefined;
}

function lastMatch(pattern: RegExp, text: string): number {
  let at = -1;
  for (const match of text.matchAll(pattern)) at = match.index;
  return at;
}

/** The summary of a run read from its output, or from `report` when the runner wrote one factory asked for. */
export function parseTestOutput(
  command: string,
  run: ExecResult,
  context?: ResultContext,
  report?: ParsedRun,
  why?: string,
): TestSummary {
  const output = cleanText(run.output);
  const fromText = report ? undefined : parseTextOutput(command, output, context);
  const parsed: ParsedRun = report ??
    fromText ?? { runner: 'unknown', source: 'exit code', ...noCounts(), tests: {}, errors: {} };
  if (why && !report) parsed.source = `${parsed.source} (${why})`;
  const unknown = !report && !fromText;
  if (unknown && run.exitCode !== 0) parsed.errored = 1;
  const clean = run.exitCode === 0 && parsed.failed === 0 && parsed.errored === 0;
  const green = !run.timedOut && clean && (parsed.passed > 0 || unknown);
  const { exitCode, timedOut, durationMs, truncated } = run;
  return {
    ...parsed,
    command,
    exitCode,
    timedOut,
    durationMs,
    green,
    headline: headline(parsed, run, green, unknown),
    output,
    truncated,
  };
}

function headline(parsed: ParsedRun, run: ExecResult, green: boolean, unknown: boolean): string {
  if (run.timedOut) return `timed out after ${Math.round(run.durationMs / 1000)} s`;
  const total = parsed.passed + parsed.failed + parsed.errored;
  if (unknown) return green ? 'passing (exit code 0)' : `failing (exit code ${run.exitCode ?? 'none'})`;
  const errors = parsed.errored > 0 ? `, ${parsed.errored} errors` : '';
  return `${parsed.passed}/${total} passing${errors}`;
}

// What one test run came to: counts, per-test outcomes where the runner reports them, and the verdict; the summary
// the tests:finished event carries, and whether the run makes the task green.
export type TestOutcome = 'passed' | 'failed' | 'errored' | 'skipped';

export type TestCounts = { passed: number; failed: number; errored: number; skipped: number };

/** What a runner's parser could read from the output. */
export type ParsedRun = TestCounts & {
  runner: string;
  /**
   * Which report or output decided the result: "JUnit XML report .factory/reports/pytest.xml", "jest JSON report …",
   * "go test -json output", or a runner's text ("pytest output") when factory could not ask for a report.
   */
  source: string;
  /** Test id -> outcome, when the runner names its tests: "path/in/project::name" (see test-id.ts). */
  tests: Record<string, TestOutcome>;
  /** Test id -> the first line of its error, when the runner prints it. */
  errors: Record<string, string>;
  /**
   * Every test the run collected is in `tests`, skipped ones included: true for a runner's report. A runner's text
   * may name only some (pytest -rA names a skip by its file: "SKIPPED [1] tests/x.py:7").
   */
  allNamed?: boolean;
};

export type TestSummary = ParsedRun & {
  command: string;
  exitCode: number | null;
  timedOut: boolean;
  durationMs: number;
  green: boolean;
  /** One line for commits and status: "3/5 passing", "timed out after 300 s". */
  headline: string;
  /** The captured output, capped. */
  output: string;
  truncated: boolean;
  /** Why the run cannot count (canaries wrong, per-test results gone): red whatever its counts say. */
  untrusted?: string;
};

export const noCounts = (): TestCounts => ({ passed: 0, failed: 0, errored: 0, skipped: 0 });

/** The tests that failed or errored in a run. */
export function failingTests(tests: Pick<TestSummary, 'tests'>): string[] {
  return Object.entries(tests.tests)
    .filter(([, outcome]) => outcome === 'failed' || outcome === 'errored')
    .map(([id]) => id);
}

/**
 * What tests:finished carries: the run's summary and where its full output is on disk, not the output again (that went
 * out line by line as tests:output).
 */
export type TestsReport = Omit<TestSummary, 'output'> & {
  /** The last excerptLimit characters of the output at most (test-runner/tests-report.ts). */
  excerpt: string;
  /** The full output as streamed, relative to the project: .factory/output/task_T_round_R_tests.txt. */
  outputFile: string;
};

/** Whether a run makes the task green, and why (test-runner/judge-tests.ts decides it). */
export type Judgement = {
  green: boolean;
  /** The task's own tests that fail now. */
  ownFailing: string[];
  /** Tests that passed in the baseline and fail now. */
  regressions: string[];
  /** Tests outside the task that already failed before the run: reported, never blocking. */
  failingBefore: string[];
  /** How the verdict was reached, when it is not the plain per-test rule. */
  note?: string;
  /** The suite's result and the task's verdict in one line, when they differ (set by the round). */
  verdict?: string;
};

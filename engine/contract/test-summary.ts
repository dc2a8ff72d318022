// What one test run came to: counts, per-test outcomes where the runner reports them, and the verdict.
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

/**
 * Where the results are read: the project on the host, and the folders the runner may have seen it as (/app in Docker).
 */
export type ResultContext = { projectDir: string; roots: string[] };

// What the code scan reports: a place in a file the round changed that reaches into the test run's machinery.

export type CodeFinding = {
  /** Project-relative path. */
  path: string;
  /** 1-based line. */
  line: number;
  /** What was found, quoted from the code where it helps ("import _pytest.runner"). */
  what: string;
  /** Why it is not allowed. */
  why: string;
};

/** The reasons, one per kind of reach, shared by the Python and the JavaScript scans. */
export const why = {
  internals:
    "the test runner's internals decide what passes: code under test may not import them (the public `pytest`, " +
    '`vitest` and `@jest/globals` imports in test files are fine)',
  hook: 'a pytest hook outside conftest.py (the locked runner configuration) is a plugin that can change outcomes',
  modules: 'replacing an entry of sys.modules swaps out modules the tests or the runner import',
  builtins: 'replacing a builtin changes the behaviour of every module, the tests and the runner included',
  exit: "rewriting how the process exits or what it prints forges the runner's exit code or report",
  globals: "overriding the test framework's globals (expect, it, test, ...) turns assertions into no-ops",
  transform:
    "code that looks for the framework's calls by name (a Babel or other transform) can rewrite the tests as they " +
    'load',
  report: "factory reads the runner's report and exit code: code may not write reports or the report location",
  options: "setting the runner's options from code changes which tests run and how",
} as const;

// Green means the task's own tests pass and nothing that passed in the baseline fails; old failures elsewhere never block.
import { describe, expect, it } from 'vitest';
import { judgeTests } from '../../../engine/test-runner/judge-tests.js';
import { parseTestOutput } from '../../../engine/test-runner/parse-test-output.js';
import { failureFingerprint } from '../../../engine/test-runner/failure-fingerprint.js';

const pytest = (lines: string[], exitCode = 1) =>
  parseTestOutput('pytest', {
    exitCode,
    output: `${lines.join('\n')}\n==== 1 passed in 0.1s ====\n`,
    timedOut: false,
    truncated: false,
    durationMs: 5,
  });

describe('judgeTests', () => {
  const baseline = {
    headline: '',
    tests: { 'tests/test_old.py::test_broken': 'failed', 'tests/test_util.py::test_ok': 'passed' } as const,
  };

  it('is green when the named tests pass, listing old failures apart', () => {
    const tests = pytest([
      'PASSED tests/test_calc.py::test_add',
      'FAILED tests/test_old.py::test_broken - boom',
      'PASSED tests/test_util.py::test_ok',
    ]);
    expect(judgeTests(tests, ['tests/test_calc.py'], baseline)).toEqual({
      green: true,
      ownFailing: [],
      regressions: [],
      failingBefore: ['tests/test_old.py::test_broken'],
      note: undefined,
    });
  });

  it('is not green when a test that passed in the baseline fails now', () => {
    const tests = pytest(['PASSED tests/test_calc.py::test_add', 'FAILED tests/test_util.py::test_ok - x']);
    expect(judgeTests(tests, ['tests/test_calc.py'], baseline)).toMatchObject({
      green: false,
      regressions: ['tests/test_util.py::test_ok'],
    });
  });

  it('takes globs and folders, and says when none of the named tests ran', () => {
    const tests = pytest(['PASSED tests/unit/test_a.py::test_x'], 0);
    expect(judgeTests(tests, ['tests/unit/'], baseline).green).toBe(true);
    expect(judgeTests(tests, ['tests/**/test_*.py'], baseline).green).toBe(true);
    expect(judgeTests(tests, ['tests/test_missing.py'], baseline)).toMatchObject({
      green: false,
      note: "the task's tests tests/test_missing.py were not found in the results",
    });
  });

  it('falls back to the whole suite, and says so, when the runner names no tests', () => {
    const tests = parseTestOutput('make test', {
      exitCode: 0,
      output: 'ok\n',
      timedOut: false,
      truncated: false,
      durationMs: 5,
    });
    expect(judgeTests(tests, ['x'], baseline)).toMatchObject({
      green: true,
      note: 'per-test results could not be read from unknown output: judged on the whole suite',
    });
  });

  it('finds a vitest file named in the task', () => {
    const tests = parseTestOutput('npx vitest run', {
      exitCode: 0,
      output: ' ✓ src/a.test.ts (3 tests) 5ms\n\n Test Files  1 passed (1)\n      Tests  3 passed (3)\n',
      timedOut: false,
      truncated: false,
      durationMs: 5,
    });
    expect(judgeTests(tests, ['src/a.test.ts']).green).toBe(true);
  });

  it("reads a task's \"./\" and backslash paths, and an old baseline's ids, in the ids' shape", () => {
    const tests = parseTestOutput('npx jest', {
      exitCode: 0,
      output: 'PASS ./game.spec.js\n  ✓ adds (5 ms)\n\nTests:       1 passed, 1 total\n',
      timedOut: false,
      truncated: false,
      durationMs: 5,
    });
    expect(tests.tests).toEqual({ 'game.spec.js::adds': 'passed' });
    expect(judgeTests(tests, ['./game.spec.js']).green).toBe(true);
    expect(judgeTests(tests, ['.\\game.spec.js']).green).toBe(true);
    const failing = parseTestOutput('pytest', {
      exitCode: 1,
      output: 'FAILED tests/test_a.py::test_x - boom\n1 failed in 0.1s\n',
      timedOut: false,
      truncated: false,
      durationMs: 5,
    });
    const old = { headline: '', tests: { './tests/test_a.py::test_x': 'passed' } as const };
    expect(judgeTests(failing, ['tests/test_b.py'], old).regressions).toEqual(['tests/test_a.py::test_x']);
  });

  it('two jest runs failing the same way have one fingerprint, whatever their timings', () => {
    const output = (ms: number) =>
      `FAIL ./game.spec.js\n  ✕ scores a strike (${ms} ms)\n\nTests:       1 failed, 1 total\n`;
    const [first, second] = [4, 17].map((ms) =>
      parseTestOutput('npx jest', {
        exitCode: 1,
        output: output(ms),
        timedOut: false,
        truncated: false,
        durationMs: 5,
      }),
    );
    expect(first!.tests).toEqual({ 'game.spec.js::scores a strike': 'failed' });
    expect(failureFingerprint(first!, Object.keys(first!.tests))).toBe(
      failureFingerprint(second!, Object.keys(second!.tests)),
    );
  });
});

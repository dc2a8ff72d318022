// Each runner's output is read into counts, per-test outcomes and a headline; unknown output falls back to the exit code.
import { describe, expect, it } from 'vitest';
import { parseTestOutput } from '../../../engine/testing/parse-test-output.js';

const run = (output: string, exitCode = 1) => parseTestOutput('cmd', { exitCode, output, timedOut: false, truncated: false, durationMs: 10 });

describe('parseTestOutput', () => {
  it('pytest -rA', () => {
    const result = run('FAILED tests/test_a.py::test_x - AssertionError: boom\nPASSED tests/test_a.py::test_y\n===== 1 failed, 1 passed in 0.12s =====\n');
    expect(result).toMatchObject({ runner: 'pytest', passed: 1, failed: 1, green: false, headline: '1/2 passing' });
    expect(result.tests).toEqual({ 'tests/test_a.py::test_x': 'failed', 'tests/test_a.py::test_y': 'passed' });
    expect(result.errors['tests/test_a.py::test_x']).toBe('AssertionError: boom');
  });

  it('pytest collection errors count as errors', () => {
    expect(run('ERROR tests/test_a.py\n==== 1 error in 0.1s ====\n', 2)).toMatchObject({ errored: 1, headline: '0/1 passing, 1 errors', green: false });
  });

  it('vitest', () => {
    const output = ' ✓ adds 2ms\n × subtracts 3ms\n\n Test Files  1 failed (1)\n      Tests  1 failed | 1 passed (2)\n';
    expect(run(output)).toMatchObject({ runner: 'vitest', passed: 1, failed: 1, tests: { adds: 'passed', subtracts: 'failed' } });
  });

  it('vitest file lines give file ids, so a task naming its test file finds them', () => {
    const output = ' ✓ src/a.test.ts (3 tests) 5ms\n ❯ src/b.test.ts (2 tests | 1 failed) 7ms\n   × subtracts 3ms\n\n Test Files  1 failed | 1 passed (2)\n      Tests  1 failed | 4 passed (5)\n';
    expect(run(output).tests).toEqual({ 'src/a.test.ts': 'passed', 'src/b.test.ts': 'failed', subtracts: 'failed' });
  });

  it('jest file lines', () => {
    expect(run('PASS src/a.test.js\nFAIL src/b.test.js\nTests:       1 failed, 3 passed, 4 total\n').tests).toEqual({ 'src/a.test.js': 'passed', 'src/b.test.js': 'failed' });
  });

  it('jest', () => {
    expect(run('Tests:       2 failed, 3 passed, 5 total\n')).toMatchObject({ runner: 'jest', passed: 3, failed: 2 });
  });

  it('go test -v', () => {
    expect(run('--- PASS: TestA (0.00s)\n--- FAIL: TestB (0.00s)\nFAIL\tex\t0.1s\n')).toMatchObject({ runner: 'go test', passed: 1, failed: 1, tests: { TestA: 'passed', TestB: 'failed' } });
  });

  it('cargo test', () => {
    expect(run('test a ... ok\ntest b ... FAILED\ntest result: FAILED. 1 passed; 1 failed; 0 ignored;\n', 101)).toMatchObject({ runner: 'cargo test', passed: 1, failed: 1 });
  });

  it('behave and cucumber', () => {
    expect(run('1 feature passed\n2 scenarios passed, 1 failed, 0 skipped\n')).toMatchObject({ runner: 'behave', passed: 2, failed: 1 });
    expect(run('3 scenarios (1 failed, 2 passed)\n')).toMatchObject({ runner: 'cucumber', passed: 2, failed: 1 });
  });

  it('green needs exit 0, no failures and at least one passing test', () => {
    expect(run('==== 2 passed in 0.1s ====\n', 0).green).toBe(true);
    expect(run('==== no tests ran in 0.1s ====\n', 5).green).toBe(false);
    expect(run('all good\n', 0)).toMatchObject({ runner: 'unknown', green: true, headline: 'passing (exit code 0)' });
    expect(run('broken\n', 3)).toMatchObject({ runner: 'unknown', green: false, headline: 'failing (exit code 3)' });
  });

  it('strips ANSI colour and control bytes before reading', () => {
    expect(run('\u001b[31mFAILED\u001b[0m t::x\u0007\n\u001b[1m1 failed in 0.1s\u001b[0m\n')).toMatchObject({ failed: 1, output: 'FAILED t::x\n1 failed in 0.1s\n' });
  });
});

// Each runner's output is read into counts, per-test outcomes and a headline; unknown output falls back to the exit code.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { parseTestOutput } from '../../../engine/test-runner/parse-test-output.js';
import { readJestJson } from '../../../engine/test-runner/reports/jest-json.js';

const run = (output: string, exitCode = 1, command = 'cmd') =>
  parseTestOutput(command, { exitCode, output, timedOut: false, truncated: false, durationMs: 10 });
const fixture = (file: string): string =>
  fs.readFileSync(path.resolve('test/engine/test-runner/fixtures', file), 'utf8');

describe('parseTestOutput', () => {
  it('pytest -rA', () => {
    const result = run(
      'FAILED tests/test_a.py::test_x - AssertionError: boom\nPASSED tests/test_a.py::test_y\n===== 1 failed, 1 passed in 0.12s =====\n',
    );
    expect(result).toMatchObject({ runner: 'pytest', passed: 1, failed: 1, green: false, headline: '1/2 passing' });
    expect(result.tests).toEqual({ 'tests/test_a.py::test_x': 'failed', 'tests/test_a.py::test_y': 'passed' });
    expect(result.errors['tests/test_a.py::test_x']).toBe('AssertionError: boom');
  });

  it('pytest collection errors count as errors', () => {
    expect(run('ERROR tests/test_a.py\n==== 1 error in 0.1s ====\n', 2)).toMatchObject({
      errored: 1,
      headline: '0/1 passing, 1 errors',
      green: false,
    });
  });

  it('vitest', () => {
    const output = ' ✓ adds 2ms\n × subtracts 3ms\n\n Test Files  1 failed (1)\n      Tests  1 failed | 1 passed (2)\n';
    expect(run(output)).toMatchObject({
      runner: 'vitest',
      passed: 1,
      failed: 1,
      tests: { adds: 'passed', subtracts: 'failed' },
    });
  });

  it('vitest file lines give file ids, so a task naming its test file finds them', () => {
    const output =
      ' ✓ src/a.test.ts (3 tests) 5ms\n ❯ src/b.test.ts (2 tests | 1 failed) 7ms\n   × subtracts 3ms\n\n Test Files  1 failed | 1 passed (2)\n      Tests  1 failed | 4 passed (5)\n';
    expect(run(output).tests).toEqual({ 'src/a.test.ts': 'passed', 'src/b.test.ts::subtracts': 'failed' });
  });

  it('jest file lines', () => {
    expect(run('PASS src/a.test.js\nFAIL src/b.test.js\nTests:       1 failed, 3 passed, 4 total\n').tests).toEqual({
      'src/a.test.js': 'passed',
      'src/b.test.js': 'failed',
    });
  });

  it('jest', () => {
    expect(run('Tests:       2 failed, 3 passed, 5 total\n')).toMatchObject({ runner: 'jest', passed: 3, failed: 2 });
  });

  it('go test -v', () => {
    expect(run('--- PASS: TestA (0.00s)\n--- FAIL: TestB (0.00s)\nFAIL\tex\t0.1s\n')).toMatchObject({
      runner: 'go test',
      passed: 1,
      failed: 1,
      tests: { 'ex::TestA': 'passed', 'ex::TestB': 'failed' },
    });
  });

  it('cargo test', () => {
    expect(
      run('test a ... ok\ntest b ... FAILED\ntest result: FAILED. 1 passed; 1 failed; 0 ignored;\n', 101),
    ).toMatchObject({ runner: 'cargo test', passed: 1, failed: 1 });
  });

  it('behave and cucumber', () => {
    expect(run('1 feature passed\n2 scenarios passed, 1 failed, 0 skipped\n')).toMatchObject({
      runner: 'behave',
      passed: 2,
      failed: 1,
    });
    expect(run('3 scenarios (1 failed, 2 passed)\n')).toMatchObject({ runner: 'cucumber', passed: 2, failed: 1 });
  });

  it('green needs exit 0, no failures and at least one passing test', () => {
    expect(run('==== 2 passed in 0.1s ====\n', 0).green).toBe(true);
    expect(run('==== no tests ran in 0.1s ====\n', 5).green).toBe(false);
    expect(run('all good\n', 0)).toMatchObject({ runner: 'unknown', green: true, headline: 'passing (exit code 0)' });
    expect(run('broken\n', 3)).toMatchObject({ runner: 'unknown', green: false, headline: 'failing (exit code 3)' });
  });

  it('strips ANSI colour and control bytes before reading', () => {
    expect(run('\u001b[31mFAILED\u001b[0m t::x\u0007\n\u001b[1m1 failed in 0.1s\u001b[0m\n')).toMatchObject({
      failed: 1,
      output: 'FAILED t::x\n1 failed in 0.1s\n',
    });
  });

  describe('real runner output (fixtures/README.md)', () => {
    it('pytest -q names only what failed; plain pytest gives the counts; -rA keeps an id with a space', () => {
      expect(run(fixture('pytest/q-output.txt'), 1, 'python3 -m pytest -q')).toMatchObject({
        runner: 'pytest',
        source: 'pytest output',
        passed: 4,
        failed: 1,
        errored: 1,
        skipped: 2,
        tests: { 'tests/test_a.py::test_bad': 'failed', 'tests/test_b.py': 'errored' },
      });
      expect(run(fixture('pytest/plain-output.txt'), 1, 'pytest')).toMatchObject({
        passed: 4,
        failed: 1,
        skipped: 2,
        tests: { 'tests/test_a.py::test_bad': 'failed' },
      });
      const ra = run(fixture('pytest/ra-output.txt'), 1, 'python3 -m pytest -rA -q');
      expect(ra.tests['tests/test_a.py::test_x[hello world]']).toBe('passed');
      expect(ra.tests['tests/test_a.py::TestK::test_m']).toBe('passed');
      // "SKIPPED [1] tests/test_a.py:17: later" names a file and a count, not a test.
      expect(Object.keys(ra.tests).filter((id) => id.startsWith('['))).toEqual([]);
    });

    it('jest: "PASS ./game.spec.js" is game.spec.js, and a test printing "3 passed in 0.5s" is still jest', () => {
      const jest = run(fixture('jest/output.txt'), 1, 'npx jest');
      expect(jest).toMatchObject({ runner: 'jest', passed: 3, failed: 1, skipped: 2 });
      expect(jest.tests).toEqual({
        'game.spec.js': 'failed',
        'broken/syntax.test.js': 'failed',
        'lib/other.test.js': 'passed',
      });
      // A command factory does not recognise: the runner whose closing line comes last.
      expect(run(fixture('jest/passing-output.txt'), 0, 'make test')).toMatchObject({
        runner: 'jest',
        passed: 1,
        green: true,
      });
    });

    it('jest lists tests without their timings, under their describe, with the ids of its JSON report', () => {
      const text = run(fixture('jest/verbose-output.txt'), 1, 'npx jest game.spec.js').tests;
      expect(text).toEqual({
        'game.spec.js::top level': 'passed',
        'game.spec.js::game > adds': 'passed',
        'game.spec.js::game > subtracts': 'failed',
        'game.spec.js::game > multiplies': 'skipped',
        'game.spec.js::game > divides': 'skipped',
      });
      const report = readJestJson(fixture('jest/report.json'), 'jest', ['/tmp/cap15b/js'], 'report').tests;
      for (const [id, outcome] of Object.entries(text)) expect([id, report[id]]).toEqual([id, outcome]);
    });

    it('jest "Tests: 29 skipped, 1 passed, 30 total" is one passing test and 29 skips, green', () => {
      const result = run(fixture('jest/mostly-skipped-output.txt'), 0, 'npx jest');
      expect(result).toMatchObject({
        runner: 'jest',
        passed: 1,
        skipped: 29,
        failed: 0,
        green: true,
        headline: '1/1 passing',
      });
      expect(result.tests['game.spec.js::scores a gutter game']).toBe('passed');
      expect(result.tests['game.spec.js::case 0']).toBe('skipped');
    });

    it('vitest: counts, file ids, and the tests listed under a failing file', () => {
      const result = run(fixture('vitest/output.txt'), 1, 'npx vitest run');
      expect(result).toMatchObject({ runner: 'vitest', passed: 3, failed: 1, skipped: 1 });
      expect(result.tests).toMatchObject({
        'src/calc.test.js::adds': 'passed',
        'src/calc.test.js::subtracts': 'failed',
        'src/other.test.js': 'passed',
        'src/broken.test.js': 'failed',
      });
    });

    it('go test -v: TestParse in two packages gives two ids, by file when the project is known', () => {
      const output = fixture('go/verbose-output.txt');
      const bare = run(output, 2, 'go test -v ./...').tests;
      expect(bare['example.com/calc/a::TestParse']).toBe('passed');
      expect(bare['example.com/calc/b::TestParse']).toBe('passed');
      const context = { projectDir: path.resolve('test/engine/test-runner/fixtures/go/project'), roots: [] };
      const byFile = parseTestOutput(
        'go test -v ./...',
        { exitCode: 2, output, timedOut: false, truncated: false, durationMs: 1 },
        context,
      );
      expect(byFile.tests).toMatchObject({
        'a/a_test.go::TestParse': 'passed',
        'b/b_test.go::TestParse': 'passed',
        'a/a_test.go::TestTable/fails': 'failed',
        'root_test.go::TestRoot': 'passed',
        c: 'errored',
      });
      expect(byFile).toMatchObject({ errored: 1, green: false });
    });

    it('cargo test: ids by target, doc-tests without their line number, the panic message as the error', () => {
      const result = run(fixture('cargo/output.txt'), 101, 'cargo test');
      expect(result.tests).toEqual({
        'src/lib.rs::tests::adds': 'passed',
        'src/lib.rs::tests::later': 'skipped',
        'src/lib.rs::tests::fails': 'failed',
        'tests/calc.rs::adds': 'passed',
        'src/lib.rs::add (doc-test)': 'passed',
      });
      expect(result).toMatchObject({ passed: 3, failed: 1, skipped: 1 });
      expect(result.errors['src/lib.rs::tests::fails']).toBe('assertion `left == right` failed: want 4');
    });

    it('behave and cucumber-js text: scenario counts', () => {
      expect(run(fixture('behave/output.txt'), 1, 'behave')).toMatchObject({
        runner: 'behave',
        passed: 3,
        failed: 2,
        skipped: 1,
      });
      expect(run(fixture('cucumber/output.txt'), 1, 'npx cucumber-js')).toMatchObject({
        runner: 'cucumber',
        passed: 3,
        failed: 1,
        errored: 1,
      });
    });
  });
});

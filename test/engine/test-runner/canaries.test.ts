// The canary check: a must-fail canary reported passed, or either missing, is tampering; honest results lose the
// canaries from their counts.
import { describe, expect, it } from 'vitest';
import { checkCanaries, type Canaries } from '../../../engine/test-runner/canaries/canaries.js';
import type { ParsedRun, TestOutcome } from '../../../engine/contract/test-summary.js';
import { checkVerdict } from '../../../engine/test-runner/verdict-run.js';

const canaries: Canaries = { pass: 'factory_canary_pass_ab12', fail: 'factory_canary_fail_ab12', command: (c) => c };
const passId = '../tmp/v/factory_canary_ab12.py::factory_canary_pass_ab12';
const failId = '../tmp/v/factory_canary_ab12.py::factory_canary_fail_ab12';

function run(tests: Record<string, TestOutcome>): ParsedRun {
  const count = (outcome: TestOutcome): number => Object.values(tests).filter((value) => value === outcome).length;
  return {
    runner: 'pytest',
    source: 'JUnit XML report',
    passed: count('passed'),
    failed: count('failed'),
    errored: count('errored'),
    skipped: count('skipped'),
    tests,
    errors: {},
  };
}

describe('checkCanaries', () => {
  it('takes the canaries out of honest results', () => {
    const check = checkCanaries(run({ 'tests/a.py::t': 'passed', [passId]: 'passed', [failId]: 'failed' }), canaries);
    expect(check.tampered).toBeUndefined();
    expect(check.run).toMatchObject({ passed: 1, failed: 0, tests: { 'tests/a.py::t': 'passed' } });
    expect(Object.keys(check.run.tests)).toEqual(['tests/a.py::t']);
  });

  it('calls a must-fail canary reported passed tampering', () => {
    const check = checkCanaries(run({ 'tests/a.py::t': 'passed', [passId]: 'passed', [failId]: 'passed' }), canaries);
    expect(check.tampered).toBe(
      "the test run was tampered with: factory's must-fail canary factory_canary_fail_ab12 was reported passed",
    );
    expect(check.run.passed).toBe(1);
  });

  it('calls a missing canary tampering', () => {
    expect(checkCanaries(run({ 'tests/a.py::t': 'passed', [failId]: 'failed' }), canaries).tampered).toContain(
      'must-pass canary factory_canary_pass_ab12 is missing',
    );
    expect(checkCanaries(run({ [passId]: 'passed' }), canaries).tampered).toContain('must-fail canary');
  });
});

describe('checkVerdict', () => {
  const honest = run({ 'tests/a.py::t': 'passed', [passId]: 'passed', [failId]: 'failed' });
  it("counts pytest's exit 1 as the must-fail canary's when nothing else failed", () => {
    expect(checkVerdict(honest, undefined, 1, canaries, { perTestBefore: true }, '')).toMatchObject({ exitCode: 0 });
  });
  it('refuses exit 0 beside a failed canary: the exit code was forged', () => {
    expect(checkVerdict(honest, undefined, 0, canaries, { perTestBefore: true }, '')?.untrusted).toMatch(/exited 0/);
  });
  it('refuses a run without its report after a baseline that had per-test results', () => {
    const why = 'no report: /tmp/v/pytest.xml was not written';
    expect(checkVerdict(undefined, why, 0, canaries, { perTestBefore: true }, '')?.untrusted).toBe(
      `the runner stopped reporting per-test results: ${why}`,
    );
    expect(checkVerdict(undefined, why, 0, canaries, { perTestBefore: false }, '')).toBeUndefined();
  });

  const jest = (tests: Record<string, TestOutcome>): ParsedRun => ({
    ...run(tests),
    runner: 'jest',
    source: 'jest JSON report',
  });
  it('refuses an exit code that disagrees with the report', () => {
    const failing = jest({ 'a.spec.js::t': 'failed' });
    expect(checkVerdict(failing, undefined, 0, undefined, { perTestBefore: true }, '')?.untrusted).toBe(
      'the test run was tampered with: the test command exited 0 although its jest JSON report has 1 failing test(s)',
    );
    const passing = jest({ 'a.spec.js::t': 'passed' });
    expect(checkVerdict(passing, undefined, 1, undefined, { perTestBefore: true }, '')?.untrusted).toBe(
      'the test run was tampered with: the test command exited 1 although its jest JSON report has no failing test',
    );
    expect(checkVerdict(passing, undefined, 0, undefined, { perTestBefore: true }, '')?.untrusted).toBeUndefined();
  });

  it('refuses a pytest report with more passes than pytest printed (canaries counted in both)', () => {
    const printed = '1 failed, 2 passed in 0.05s\n';
    const forged = run({
      'tests/a.py::t': 'passed',
      'tests/a.py::u': 'passed',
      [passId]: 'passed',
      [failId]: 'failed',
    });
    expect(checkVerdict(forged, undefined, 1, canaries, { perTestBefore: true }, printed)?.untrusted).toBe(
      'the test run was tampered with: the JUnit XML report has 3 passed, but pytest printed 2 passed',
    );
    const honestTwo = run({ 'tests/a.py::t': 'passed', [passId]: 'passed', [failId]: 'failed' });
    expect(
      checkVerdict(honestTwo, undefined, 1, canaries, { perTestBefore: true }, printed)?.untrusted,
    ).toBeUndefined();
  });
});

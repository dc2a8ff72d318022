// Each runner's machine-readable report, as the real runner wrote it here (fixtures/README.md), read into per-test results.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPytestJUnit } from '../../../engine/test-runner/reports/pytest-junit.js';
import { readJestJson } from '../../../engine/test-runner/reports/jest-json.js';
import { readBehaveJUnit } from '../../../engine/test-runner/reports/behave-junit.js';
import { readCucumberJson } from '../../../engine/test-runner/reports/cucumber-json.js';
import { GoTestJsonStream } from '../../../engine/test-runner/reports/go-test-json.js';
import { GoTestIds } from '../../../engine/test-runner/reports/go-test-ids.js';
import { parseJUnitXml } from '../../../engine/test-runner/reports/junit-xml.js';
import { parseTextOutput } from '../../../engine/test-runner/parse-test-output.js';
import type { ParsedRun, TestOutcome } from '../../../engine/contract/test-summary.js';

const fixtures = path.resolve('test/engine/test-runner/fixtures');
const fixture = (file: string): string => fs.readFileSync(path.join(fixtures, file), 'utf8');

/** Go's events as a pipe delivers them, cut anywhere; returns the stream and the text it showed. */
function goStream(): { stream: GoTestJsonStream; shown: string } {
  const stream = new GoTestJsonStream();
  const raw = fixture('go/report.jsonl');
  const shown: string[] = [];
  for (let at = 0; at < raw.length; at += 97) shown.push(stream.push(raw.slice(at, at + 97)));
  shown.push(stream.finish());
  return { stream, shown: shown.join('') };
}

type Case = {
  name: string;
  read: () => ParsedRun | undefined;
  tests: Record<string, TestOutcome>;
  counts?: Partial<ParsedRun>;
  /** Errors by test id: the exact first line, or a pattern. */
  errors: Record<string, string | RegExp>;
};

const cases: Case[] = [
  {
    name: 'pytest JUnit XML (xunit1): ids as pytest prints them, spaces, classes and a collection error included',
    read: () =>
      readPytestJUnit(fixture('pytest/report.xml'), '/nowhere', 'JUnit XML report .factory/reports/pytest.xml'),
    tests: {
      'tests/test_b.py': 'errored',
      'tests/test_a.py::test_ok': 'passed',
      'tests/test_a.py::test_bad': 'failed',
      'tests/test_a.py::test_x[hello world]': 'passed',
      'tests/test_a.py::test_x[b]': 'passed',
      'tests/test_a.py::TestK::test_m': 'passed',
      'tests/test_a.py::test_skip': 'skipped',
      'tests/test_c.py::test_xf': 'skipped',
    },
    counts: {
      runner: 'pytest',
      passed: 4,
      failed: 1,
      errored: 1,
      skipped: 2,
      source: 'JUnit XML report .factory/reports/pytest.xml',
    },
    errors: { 'tests/test_a.py::test_bad': 'AssertionError: boom', 'tests/test_b.py': 'collection failure' },
  },
  {
    name: 'jest --json: "file::describe > test", project-relative, skips and a file that did not load',
    read: () => readJestJson(fixture('jest/report.json'), 'jest', ['/tmp/cap15b/js'], 'jest JSON report'),
    tests: {
      'broken/syntax.test.js': 'errored',
      'game.spec.js::game > adds': 'passed',
      'game.spec.js::game > subtracts': 'failed',
      'game.spec.js::game > multiplies': 'skipped',
      'game.spec.js::game > divides': 'skipped',
      'game.spec.js::top level': 'passed',
      'lib/other.test.js::other passes': 'passed',
    },
    counts: { runner: 'jest', passed: 3, failed: 1, errored: 1, skipped: 2 },
    errors: { 'game.spec.js::game > subtracts': 'Error: expect(received).toBe(expected) // Object.is equality' },
  },
  {
    name: 'vitest json reporter: the same shape, nested describes joined',
    read: () => readJestJson(fixture('vitest/report.json'), 'vitest', ['/tmp/cap15b/vt'], 'vitest JSON report'),
    tests: {
      'src/broken.test.js': 'errored',
      'src/calc.test.js::calc > adds': 'passed',
      'src/calc.test.js::calc > subtracts': 'failed',
      'src/calc.test.js::calc > divides': 'skipped',
      'src/calc.test.js::calc > nested > deep': 'passed',
      'src/other.test.js::other': 'passed',
    },
    counts: { runner: 'vitest', passed: 3, failed: 1, errored: 1, skipped: 1 },
    errors: {},
  },
  {
    name: 'go test -json: ids by test file, TestParse in two packages stays two, a package that did not build is an error',
    read: () => goStream().stream.result(new GoTestIds(path.join(fixtures, 'go/project')), 'go test -json events'),
    tests: {
      'root_test.go::TestRoot': 'passed',
      'b/b_test.go::TestParse': 'passed',
      'a/a_test.go::TestParse': 'passed',
      'a/a_test.go::TestTable/hello_world': 'passed',
      'a/a_test.go::TestTable/fails': 'failed',
      'a/a_test.go::TestTable': 'failed',
      'a/a_test.go::TestSkipped': 'skipped',
      c: 'errored',
    },
    counts: { runner: 'go test', passed: 4, failed: 2, skipped: 1, errored: 1 },
    errors: { 'a/a_test.go::TestTable/fails': 'a_test.go:13: want 1, got 2' },
  },
  {
    name: 'behave --junit: one report per feature file, scenarios by file and name',
    read: () => readBehaveJUnit(path.join(fixtures, 'behave/reports'), '/nowhere', 'JUnit XML reports'),
    tests: {
      'features/calc.feature::Add two numbers': 'passed',
      'features/calc.feature::Add wrongly': 'failed',
      'features/calc.feature::Later': 'skipped',
      'features/calc.feature::Add 1 and 1 -- @1.1': 'passed',
      'features/calc.feature::Add 2 and 2 -- @1.2': 'passed',
      'features/sub/other.feature::Undefined step here': 'failed',
    },
    errors: { 'features/calc.feature::Add wrongly': 'got 4' },
  },
  {
    name: 'cucumber-js json formatter: scenarios by file and name, an undefined step is an error',
    read: () => readCucumberJson(fixture('cucumber/report.json'), ['/tmp/cap15b/cu'], 'cucumber JSON report'),
    tests: {
      'features/calc.feature::Add two numbers': 'passed',
      'features/calc.feature::Add wrongly': 'failed',
      'features/calc.feature::Add 1 and 1': 'passed',
      'features/calc.feature::Add 2 and 2': 'passed',
      'features/sub/other.feature::Undefined step here': 'errored',
    },
    errors: { 'features/calc.feature::Add wrongly': /^AssertionError/ },
  },
];

describe('runner reports', () => {
  it.each(cases)('$name', ({ read, tests, counts, errors }) => {
    const run = read();
    expect(run?.tests).toEqual(tests);
    if (counts) expect(run).toMatchObject(counts);
    for (const [id, error] of Object.entries(errors))
      if (typeof error === 'string') expect(run?.errors[id]).toBe(error);
      else expect(run?.errors[id]).toMatch(error);
  });

  it('the report and pytest -rA name the same tests the same way', () => {
    const report = readPytestJUnit(fixture('pytest/report.xml'), '/nowhere', 'report');
    const text = parseTextOutput('python3 -m pytest -rA -q', fixture('pytest/ra-output.txt'))!;
    expect(Object.keys(text.tests).length).toBe(6);
    for (const [id, outcome] of Object.entries(text.tests)) expect([id, report.tests[id]]).toEqual([id, outcome]);
  });

  it('a half-written JUnit file is an error, never an empty green run', () => {
    expect(() => parseJUnitXml(fixture('pytest/report.xml').slice(0, 400))).toThrow();
  });

  it('jest --json read from the container (/app) gives the same ids', () => {
    const moved = fixture('jest/report.json').replaceAll('/tmp/cap15b/js/', '/app/');
    const run = readJestJson(moved, 'jest', ['/home/user/game', '/app'], 'jest JSON report');
    expect(Object.keys(run.tests)).toContain('game.spec.js::game > adds');
  });

  it("go test -json: the person watching sees go's own text, not the events, and the log keeps them all", () => {
    const { stream, shown } = goStream();
    expect(shown).toContain('--- FAIL: TestTable (0.00s)\n');
    expect(shown).toContain('FAIL\texample.com/calc/c [build failed]\n');
    expect(shown).not.toContain('{"Time"');
    expect(stream.recorded()).toBe(fixture('go/report.jsonl'));
  });
});

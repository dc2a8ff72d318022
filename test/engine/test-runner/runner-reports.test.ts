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

const fixtures = path.resolve('test/engine/test-runner/fixtures');
const fixture = (file: string): string => fs.readFileSync(path.join(fixtures, file), 'utf8');

describe('runner reports', () => {
  it('pytest JUnit XML (xunit1): ids as pytest prints them, spaces, classes and a collection error included', () => {
    const run = readPytestJUnit(
      fixture('pytest/report.xml'),
      '/nowhere',
      'JUnit XML report .factory/reports/pytest.xml',
    );
    expect(run.tests).toEqual({
      'tests/test_b.py': 'errored',
      'tests/test_a.py::test_ok': 'passed',
      'tests/test_a.py::test_bad': 'failed',
      'tests/test_a.py::test_x[hello world]': 'passed',
      'tests/test_a.py::test_x[b]': 'passed',
      'tests/test_a.py::TestK::test_m': 'passed',
      'tests/test_a.py::test_skip': 'skipped',
      'tests/test_c.py::test_xf': 'skipped',
    });
    expect(run).toMatchObject({
      runner: 'pytest',
      passed: 4,
      failed: 1,
      errored: 1,
      skipped: 2,
      source: 'JUnit XML report .factory/reports/pytest.xml',
    });
    expect(run.errors['tests/test_a.py::test_bad']).toBe('AssertionError: boom');
    expect(run.errors['tests/test_b.py']).toBe('collection failure');
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

  it('jest --json: "file::describe > test", project-relative, skips and a file that did not load', () => {
    const run = readJestJson(fixture('jest/report.json'), 'jest', ['/tmp/cap15b/js'], 'jest JSON report');
    expect(run.tests).toEqual({
      'broken/syntax.test.js': 'errored',
      'game.spec.js::game > adds': 'passed',
      'game.spec.js::game > subtracts': 'failed',
      'game.spec.js::game > multiplies': 'skipped',
      'game.spec.js::game > divides': 'skipped',
      'game.spec.js::top level': 'passed',
      'lib/other.test.js::other passes': 'passed',
    });
    expect(run).toMatchObject({ runner: 'jest', passed: 3, failed: 1, errored: 1, skipped: 2 });
    expect(run.errors['game.spec.js::game > subtracts']).toBe(
      'Error: expect(received).toBe(expected) // Object.is equality',
    );
  });

  it('jest --json read from the container (/app) gives the same ids', () => {
    const moved = fixture('jest/report.json').replaceAll('/tmp/cap15b/js/', '/app/');
    const run = readJestJson(moved, 'jest', ['/home/user/game', '/app'], 'jest JSON report');
    expect(Object.keys(run.tests)).toContain('game.spec.js::game > adds');
  });

  it('vitest json reporter: the same shape, nested describes joined', () => {
    const run = readJestJson(fixture('vitest/report.json'), 'vitest', ['/tmp/cap15b/vt'], 'vitest JSON report');
    expect(run.tests).toEqual({
      'src/broken.test.js': 'errored',
      'src/calc.test.js::calc > adds': 'passed',
      'src/calc.test.js::calc > subtracts': 'failed',
      'src/calc.test.js::calc > divides': 'skipped',
      'src/calc.test.js::calc > nested > deep': 'passed',
      'src/other.test.js::other': 'passed',
    });
    expect(run).toMatchObject({ runner: 'vitest', passed: 3, failed: 1, errored: 1, skipped: 1 });
  });

  it('go test -json: ids by test file, TestParse in two packages stays two, a package that did not build is an error', () => {
    const shown: string[] = [];
    const stream = new GoTestJsonStream();
    const raw = fixture('go/report.jsonl');
    // Chunks cut anywhere, as a pipe delivers them.
    for (let at = 0; at < raw.length; at += 97) shown.push(stream.push(raw.slice(at, at + 97)));
    shown.push(stream.finish());
    const run = stream.result(new GoTestIds(path.join(fixtures, 'go/project')), 'go test -json events')!;
    expect(run.tests).toEqual({
      'root_test.go::TestRoot': 'passed',
      'b/b_test.go::TestParse': 'passed',
      'a/a_test.go::TestParse': 'passed',
      'a/a_test.go::TestTable/hello_world': 'passed',
      'a/a_test.go::TestTable/fails': 'failed',
      'a/a_test.go::TestTable': 'failed',
      'a/a_test.go::TestSkipped': 'skipped',
      c: 'errored',
    });
    expect(run.errors['a/a_test.go::TestTable/fails']).toBe('a_test.go:13: want 1, got 2');
    expect(run).toMatchObject({ runner: 'go test', passed: 4, failed: 2, skipped: 1, errored: 1 });
    // The person watching sees go's own text, not the events.
    const text = shown.join('');
    expect(text).toContain('--- FAIL: TestTable (0.00s)\n');
    expect(text).toContain('FAIL\texample.com/calc/c [build failed]\n');
    expect(text).not.toContain('{"Time"');
    expect(stream.recorded()).toBe(raw);
  });

  it('behave --junit: one report per feature file, scenarios by file and name', () => {
    const run = readBehaveJUnit(path.join(fixtures, 'behave/reports'), '/nowhere', 'JUnit XML reports')!;
    expect(run.tests).toEqual({
      'features/calc.feature::Add two numbers': 'passed',
      'features/calc.feature::Add wrongly': 'failed',
      'features/calc.feature::Later': 'skipped',
      'features/calc.feature::Add 1 and 1 -- @1.1': 'passed',
      'features/calc.feature::Add 2 and 2 -- @1.2': 'passed',
      'features/sub/other.feature::Undefined step here': 'failed',
    });
    expect(run.errors['features/calc.feature::Add wrongly']).toBe('got 4');
  });

  it('cucumber-js json formatter: scenarios by file and name, an undefined step is an error', () => {
    const run = readCucumberJson(fixture('cucumber/report.json'), ['/tmp/cap15b/cu'], 'cucumber JSON report');
    expect(run.tests).toEqual({
      'features/calc.feature::Add two numbers': 'passed',
      'features/calc.feature::Add wrongly': 'failed',
      'features/calc.feature::Add 1 and 1': 'passed',
      'features/calc.feature::Add 2 and 2': 'passed',
      'features/sub/other.feature::Undefined step here': 'errored',
    });
    expect(run.errors['features/calc.feature::Add wrongly']).toMatch(/^AssertionError/);
  });
});

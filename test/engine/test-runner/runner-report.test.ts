// Which runner a command starts, and the report flags factory adds to it (or not, when it cannot).
import { describe, expect, it } from 'vitest';
import { recogniseRunner } from '../../../engine/test-runner/recognise-runner.js';
import { requestReport } from '../../../engine/test-runner/runner-report.js';

const ran = (command: string): string | undefined => requestReport(command)?.command;

describe('runner reports asked for', () => {
  it('recognises the runner behind launchers, python -m and variables', () => {
    expect(recogniseRunner('python3 -m pytest -q')).toEqual({ runner: 'pytest', extendable: true });
    expect(recogniseRunner('PYTHONPATH=. uv run pytest')?.runner).toBe('pytest');
    expect(recogniseRunner('npx jest')?.runner).toBe('jest');
    expect(recogniseRunner('./node_modules/.bin/vitest run')?.runner).toBe('vitest');
    expect(recogniseRunner('go test ./...')?.runner).toBe('go test');
    expect(recogniseRunner('cd app && npx jest')).toEqual({ runner: 'jest', extendable: false });
    expect(recogniseRunner('make test')).toBeUndefined();
    expect(recogniseRunner('npm test')).toBeUndefined();
  });

  it('adds each runner its report flags, relative to the project', () => {
    expect(ran('python3 -m pytest -q')).toMatch(
      /^python3 -s -c '.*import pytest.*' -q --junitxml=\.factory\/reports\/pytest\.xml -o junit_family=xunit1$/,
    );
    expect(ran('npx jest')).toBe('npx jest --json --outputFile=.factory/reports/jest.json');
    expect(ran('npx vitest run')).toBe(
      'npx vitest run --reporter=default --reporter=json --outputFile.json=.factory/reports/vitest.json',
    );
    expect(ran('npx vitest run --reporter=verbose')).toBe(
      'npx vitest run --reporter=verbose --reporter=json --outputFile.json=.factory/reports/vitest.json',
    );
    expect(ran('go test -v ./...')).toBe('go test -json -v ./...');
    expect(ran('cargo test -- --nocapture')).toBe('cargo test --no-fail-fast -- --nocapture 2>&1');
    expect(ran('behave')).toBe('behave --junit --junit-directory .factory/reports/behave');
    expect(ran('npx cucumber-js')).toBe('npx cucumber-js --format json:.factory/reports/cucumber.json');
  });

  it('leaves alone what it cannot extend: shell lists, other commands, a report the command already names', () => {
    expect(requestReport('cd app && npx jest')).toBeUndefined();
    expect(requestReport('make test')).toBeUndefined();
    expect(requestReport('pytest --junitxml=out.xml')).toBeUndefined();
    expect(requestReport('npx jest --json')).toBeUndefined();
  });
});

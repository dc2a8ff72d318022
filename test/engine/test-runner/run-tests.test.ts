// runTests asks pytest for its report, reads it, and never reads an old one; without a report it says so and reads the text.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalSandbox } from '../../../engine/sandbox/local-sandbox.js';
import { runTests } from '../../../engine/test-runner/run-tests.js';
import { requirePytest } from '../../support/python.js';

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-run-tests-'));
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const run = (dir: string, command: string, seen: string[] = []) =>
  runTests(new LocalSandbox(dir), {
    command,
    projectDir: dir,
    timeoutSeconds: 60,
    signal: new AbortController().signal,
    onOutput: (text) => seen.push(text),
  });

describe.skipIf(requirePytest())('runTests with pytest', () => {
  it("reads the JUnit report it asked for, shows pytest's own output, and removes the report before the next run", async () => {
    const dir = project({ 'tests/test_a.py': 'def test_ok():\n    pass\n\n\ndef test_bad():\n    assert 1 == 2\n' });
    const seen: string[] = [];
    const first = await run(dir, 'PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 python3 -m pytest -q -p no:cacheprovider', seen);
    expect(first).toMatchObject({
      source: 'JUnit XML report .factory/reports/pytest.xml',
      passed: 1,
      failed: 1,
      command: 'PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 python3 -m pytest -q -p no:cacheprovider',
    });
    expect(first.tests).toEqual({ 'tests/test_a.py::test_ok': 'passed', 'tests/test_a.py::test_bad': 'failed' });
    expect(seen.join('')).toMatch(/1 failed, 1 passed in/);
    expect(fs.existsSync(path.join(dir, '.factory/reports/pytest.xml'))).toBe(true);

    // A run that writes no report (pytest refuses the option): the old report is gone, the text and exit code decide.
    const broken = await run(dir, 'PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 python3 -m pytest -q --no-such-option');
    expect(broken).toMatchObject({
      green: false,
      source: 'exit code (no report: .factory/reports/pytest.xml was not written)',
      tests: {},
    });
  });
});

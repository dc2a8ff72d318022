// The locked-run check against real pytest output: it needs per-test ids, and names skipped or missing locked tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeLockedRun } from '../../../../engine/task-setup/guard/judge-locked-run.js';
import { sha256, type Lock } from '../../../../engine/task-setup/guard/lock-store.js';
import { countDeclaredTests } from '../../../../engine/task-setup/guard/skip-markers.js';
import { LocalSandbox } from '../../../../engine/sandbox/local-sandbox.js';
import { runTests } from '../../../../engine/test-runner/run-tests.js';
import { addTests, pytest } from '../../../support/calculator-plan.js';

const lock: Lock = {
  path: 'tests/test_add.py',
  task: 1,
  sha256: sha256(addTests),
  content: addTests,
  tests: [],
  minTests: countDeclaredTests('tests/test_add.py', addTests),
  allowedSkips: 0,
  origin: 'reviewer',
};

async function run(command: string, extra: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-guard-'));
  const files = { 'tests/test_add.py': addTests, 'actions/add.py': 'def add(a, b):\n    return a + b\n', ...extra };
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return runTests(new LocalSandbox(dir), {
    command,
    projectDir: dir,
    timeoutSeconds: 60,
    signal: new AbortController().signal,
    onOutput: () => undefined,
  });
}

describe('judgeLockedRun', () => {
  it('learns the ids of a full run, and leaves a run without per-test ids (no -rA) to the content guard', async () => {
    const full = judgeLockedRun([lock], await run(pytest));
    expect(full.reasons).toEqual([]);
    const ids = ['tests/test_add.py::test_add_positive', 'tests/test_add.py::test_add_negative'];
    expect(full.learned.get('tests/test_add.py')).toEqual(ids);
    // -q prints no passing ids, but factory reads pytest's JUnit report, which names them all.
    const quiet = await run('python3 -m pytest -q -p no:cacheprovider');
    expect(quiet.green).toBe(true);
    expect(judgeLockedRun([lock], quiet).learned.get('tests/test_add.py')).toEqual(ids);
    // A command factory cannot add its report flags to: only pytest's text, which names no passing test.
    const text = await run('cd . && python3 -m pytest -q -p no:cacheprovider');
    expect(text.green).toBe(true);
    expect(judgeLockedRun([lock], text)).toEqual({ reasons: [], failures: {}, learned: new Map() });
  });

  it('names a test skipped by a conftest hook, even when pytest only names the file', async () => {
    const conftest =
      'import pytest\n\n\ndef pytest_collection_modifyitems(items):\n    items[-1].add_marker(pytest.mark.skip(reason="later"))\n';
    const reason = 'tests/test_add.py newly skips 1 locked test(s)';
    // From pytest's JUnit report, which names the skipped test.
    const judgement = judgeLockedRun([lock], await run(pytest, { 'conftest.py': conftest }));
    expect(judgement.reasons).toEqual([reason]);
    expect(judgement.failures).toEqual({ 'tests/test_add.py::test_add_negative': reason });
    expect(judgement.learned.size).toBe(0);
    // From -rA's text alone (a command factory cannot extend), which names only the file.
    const fromText = judgeLockedRun([lock], await run(`cd . && ${pytest}`, { 'conftest.py': conftest }));
    expect(fromText.reasons).toEqual([reason]);
    expect(fromText.failures).toEqual({ 'tests/test_add.py::(skipped)': reason });
  });
});

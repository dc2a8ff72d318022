// The "red for the right reason" rule against real pytest runs: a missing implementation is fine, a broken test file is not.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TaskPlan } from '../../../../engine/task-setup/plan/plan-schema.js';
import { LocalSandbox } from '../../../../engine/sandbox/local-sandbox.js';
import { judgeRed } from '../../../../engine/task-setup/reviewer-tests/judge-red.js';
import { runTests } from '../../../../engine/test-runner/run-tests.js';
import { pytest } from '../../../support/calculator-plan.js';

const plan: TaskPlan = {
  task: 1,
  title: 'Add',
  files: [{ path: 'actions/add.py', job: 'adds' }],
  testFiles: ['tests/test_add.py'],
  scenarios: ['adds'],
  testCommand: `${pytest} tests/test_add.py`,
};

async function judge(files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-red-'));
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  const tests = await runTests(new LocalSandbox(dir), {
    command: plan.testCommand,
    projectDir: dir,
    timeoutSeconds: 60,
    signal: new AbortController().signal,
    onOutput: () => undefined,
  });
  return judgeRed(tests, plan);
}

const test = (body: string): Record<string, string> => ({
  'tests/test_add.py': `from actions.add import add\n\n\ndef test_add():\n${body}\n`,
});

describe('judgeRed with pytest', () => {
  it('accepts a test file that stops on the missing planned module', async () => {
    expect(await judge(test('    assert add(1, 2) == 3'))).toEqual({ ok: true });
  });

  it('accepts a name not yet in a planned module, and failing assertions', async () => {
    expect(await judge({ ...test('    assert add(1, 2) == 3'), 'actions/add.py': 'def other():\n    pass\n' })).toEqual(
      { ok: true },
    );
    expect(
      await judge({ ...test('    assert add(1, 2) == 3'), 'actions/add.py': 'def add(a, b):\n    return 0\n' }),
    ).toEqual({ ok: true });
  });

  it('refuses a syntax error in the test file', async () => {
    const verdict = await judge({ 'tests/test_add.py': 'def test_add(:\n    pass\n' });
    expect(verdict).toEqual({ ok: false, reason: 'tests/test_add.py does not collect: SyntaxError: invalid syntax' });
  });

  it('refuses an import of a module the plan does not create', async () => {
    // actions/ exists, so Python names the mistyped module itself.
    const verdict = await judge({
      'tests/test_add.py': 'from actions.ad import add\n\n\ndef test_add():\n    assert add(1, 2) == 3\n',
      'actions/sub.py': '',
    });
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toBe(
      "tests/test_add.py does not collect: ModuleNotFoundError: No module named 'actions.ad' (not a module this task creates: a typo, or a library that is not installed?)",
    );
  });

  it('refuses a missing fixture, a green run and a file without tests', async () => {
    const fixture = await judge({ 'tests/test_add.py': 'def test_add(calculator):\n    assert calculator\n' });
    expect(fixture).toEqual({
      ok: false,
      reason: 'the tests error at setup of test_add (a missing or broken fixture)',
    });
    const green = await judge({
      ...test('    assert add(1, 2) == 3'),
      'actions/add.py': 'def add(a, b):\n    return a + b\n',
    });
    expect(green.ok).toBe(false);
    expect(!green.ok && green.reason).toMatch(/pass before any implementation/);
    const empty = await judge({ 'tests/test_add.py': 'VALUE = 1\n' });
    expect(empty.ok).toBe(false);
    expect(!empty.ok && empty.reason).toMatch(/^no tests were collected/);
  });
});

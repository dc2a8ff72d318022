// factory's worker tools with the local sandbox and a real pytest project: run_tests (all, narrowed, refused input),
// no sandbox_exec, the per-round cap, the time limit and a stop-now that kills a running call, every call an event.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execaSync } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import type { FactoryEvent } from '../../../engine/contract/events.js';
import { LocalSandbox } from '../../../engine/sandbox/local-sandbox.js';
import { WorkerTools, type WorkerToolsOptions } from '../../../engine/worker-tools/worker-tools.js';
import { isRunning, uniqueSleep } from '../../support/processes.js';
import { pytestCommand, requirePytest } from '../../support/python.js';

const noPytest = requirePytest();
const dirs: string[] = [];

function project(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-tools-'));
  dirs.push(dir);
  const all = {
    'calc.py': 'def add(a, b):\n    return 0\n',
    'conftest.py': 'import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n',
    'tests/test_calc.py':
      'from calc import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n\n\ndef test_zero():\n    assert add(0, 0) == 0\n',
    ...files,
  };
  for (const [name, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

type Made = { tools: WorkerTools; events: FactoryEvent[]; dir: string; abort: AbortController };

function makeTools(settings: Partial<WorkerToolsOptions> = {}, dir = project()): Made {
  const events: FactoryEvent[] = [];
  const abort = new AbortController();
  const tools = new WorkerTools({
    sandbox: new LocalSandbox(dir, { env: { PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1' } }),
    projectDir: dir,
    testCommand: pytestCommand(),
    taskTests: ['tests/test_calc.py'],
    testTimeoutSeconds: 60,
    maxCalls: 20,
    emit: (type, payload) => events.push({ type, ts: '', task: 1, round: 1, ...payload } as FactoryEvent),
    signal: abort.signal,
    ...settings,
  });
  return { tools, events, dir, abort };
}

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(noPytest)(`worker tools, local sandbox${noPytest ? ` (${noPytest})` : ''}`, () => {
  it('offers run_tests only: sandbox_exec would run on the host', async () => {
    const { tools, events, dir } = makeTools();
    expect(tools.specs().map((spec) => spec.name)).toEqual(['run_tests']);
    const [spec] = tools.specs();
    expect(spec?.description).toContain('tests/test_calc.py');
    expect(spec?.inputSchema).toMatchObject({ type: 'object', properties: { tests: { type: 'array' } } });
    const result = await tools.call('sandbox_exec', { command: 'touch pwned' });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/not offered with SANDBOX=local/);
    expect(fs.existsSync(path.join(dir, 'pwned'))).toBe(false);
    expect(events.map((event) => event.type)).toEqual(['tool:finished']);
  });

  it('runs the tests and gives back the exit code, the counts and the failure', async () => {
    const { tools, events } = makeTools();
    const result = await tools.call('run_tests', {});
    expect(result.isError).toBe(false);
    expect(result.text).toMatch(/^exit code 1; 1 passed, 1 failed/);
    expect(result.text).toContain('- tests/test_calc.py::test_add');
    expect(result.text).toContain('assert 0 == 5');
    expect(events.map((event) => event.type)).toEqual(['tool:started', 'tool:finished']);
    expect(events[1]).toMatchObject({ tool: 'run_tests', detail: 'all tests', exitCode: 1, timedOut: false });
    expect(tools.history).toEqual([expect.objectContaining({ tool: 'run_tests', exitCode: 1 })]);
  });

  it('narrows the run to the tests asked for', async () => {
    const { tools, events } = makeTools();
    const result = await tools.call('run_tests', { tests: ['./tests/test_calc.py::test_zero'] });
    expect(result.text).toMatch(/^exit code 0; 1 passed, 0 failed/);
    expect(result.text).toContain("'tests/test_calc.py::test_zero'");
    expect(events[0]).toMatchObject({ type: 'tool:started', detail: './tests/test_calc.py::test_zero' });
  });

  it('refuses anything but test ids or files, and runs nothing', async () => {
    const { tools, events, dir } = makeTools();
    const asks: unknown[] = [
      { tests: ['tests/test_calc.py; touch pwned'] },
      { tests: ['$(touch pwned)'] },
      { tests: ['--junitxml=pwned'] },
      { tests: ['../outside.py'] },
      { tests: ['/etc/passwd'] },
      { tests: ['missing_test.py'] },
      { command: 'touch pwned' },
      { tests: 'tests/test_calc.py; touch pwned' },
    ];
    for (const input of asks) {
      const result = await tools.call('run_tests', input);
      expect(result.isError, JSON.stringify(input)).toBe(true);
      expect(result.text).toMatch(/^refused: /);
    }
    expect(fs.existsSync(path.join(dir, 'pwned'))).toBe(false);
    expect(events.every((event) => event.type === 'tool:finished' && event.refused)).toBe(true);
    expect(events).toHaveLength(asks.length);
  });

  it('refuses a file of arguments ("@test_args.py"), which pytest itself would read as options', async () => {
    // What the model wrote through the real claude CLI: options in test_args.py and an empty "@test_args.py".
    const dir = project({ 'test_args.py': '--junitxml=pwned.xml\n-p\nno:terminal\n', '@test_args.py': '' });
    const { tools, events } = makeTools({}, dir);
    for (const target of ['@test_args.py', './@test_args.py', '@test_args.py::test_add']) {
      const result = await tools.call('run_tests', { tests: [target] });
      expect(result.text, target).toMatch(/^refused: tests\.0: not a test id or file/);
    }
    expect(events.every((event) => event.type === 'tool:finished' && event.refused)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'pwned.xml'))).toBe(false);
    // The same argument given to the real pytest does read the file: the refusal is what kept it out.
    const [python, ...args] = pytestCommand().split(' ');
    execaSync(python!, [...args, '@test_args.py'], {
      cwd: dir,
      reject: false,
      env: { PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1' },
    });
    expect(fs.existsSync(path.join(dir, 'pwned.xml'))).toBe(true);
  });

  it('refuses a run whose tests sit below a pytest config the model wrote', async () => {
    const dir = project({
      'sub/pytest.ini': '[pytest]\naddopts = --junitxml=pwned.xml\n',
      'sub/test_sub.py': 'def test_one():\n    assert True\n',
      'other/pyproject.toml': '[project]\nname = "other"\n',
      'other/test_other.py': 'def test_two():\n    assert True\n',
    });
    const { tools } = makeTools({}, dir);
    for (const target of ['sub/test_sub.py', 'sub', 'sub/test_sub.py::test_one']) {
      const result = await tools.call('run_tests', { tests: [target] });
      expect(result.text, target).toMatch(/^refused: sub\/pytest\.ini would be pytest's config for this run/);
    }
    expect(fs.existsSync(path.join(dir, 'sub', 'pwned.xml'))).toBe(false);
    // A pyproject.toml without a pytest section is no pytest config: that run goes ahead.
    const other = await tools.call('run_tests', { tests: ['other/test_other.py'] });
    expect(other.text).toMatch(/^exit code 0; 1 passed/);
  });

  it('refuses a link that leads out of the project', async () => {
    const outside = project();
    const { tools, dir } = makeTools();
    fs.symlinkSync(path.join(outside, 'tests'), path.join(dir, 'elsewhere'));
    const result = await tools.call('run_tests', { tests: ['elsewhere/test_calc.py'] });
    expect(result.text).toMatch(/no such test file in the project/);
  });

  it('refuses calls over MAX_TOOL_CALLS in the round', async () => {
    const { tools } = makeTools({ maxCalls: 1 });
    expect((await tools.call('run_tests', { tests: ['tests/test_calc.py::test_zero'] })).isError).toBe(false);
    const over = await tools.call('run_tests', {});
    expect(over.isError).toBe(true);
    expect(over.text).toMatch(/MAX_TOOL_CALLS \(1\) reached/);
    expect(tools.history.map((call) => call.refused === undefined)).toEqual([true, false]);
  });

  it('kills a run over TEST_TIMEOUT', async () => {
    const sleep = uniqueSleep(120);
    const dir = project({
      'tests/test_slow.py': `import subprocess\n\ndef test_slow():\n    subprocess.run("${sleep}", shell=True)\n`,
    });
    const { tools, events } = makeTools({ testTimeoutSeconds: 2 }, dir);
    const result = await tools.call('run_tests', { tests: ['tests/test_slow.py'] });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/^killed: over TEST_TIMEOUT \(2 s\)/);
    expect(events.at(-1)).toMatchObject({ type: 'tool:finished', timedOut: true });
    expect(isRunning(sleep)).toBe(false);
  });

  it('a stop-now kills the running call and refuses the next', async () => {
    const sleep = uniqueSleep(120);
    const dir = project({
      'tests/test_slow.py': `import subprocess\n\ndef test_slow():\n    subprocess.run("${sleep}", shell=True)\n`,
    });
    const made = makeTools({}, dir);
    const running = made.tools.call('run_tests', { tests: ['tests/test_slow.py'] });
    while (!isRunning(sleep)) await new Promise((resolve) => setTimeout(resolve, 50));
    made.abort.abort();
    const result = await running;
    expect(result.text).toMatch(/^killed: the run is stopping/);
    expect(isRunning(sleep)).toBe(false);
    const next = await made.tools.call('run_tests', {});
    expect(next.text).toMatch(/refused: the run is stopping/);
  });
});

// The plan decides which tasks run together: a task waits for the tasks in its dependsOn to be green, and two tasks
// whose planned files overlap never run at the same time, even with lines to spare.
import { describe, expect, it } from 'vitest';
import type { FactoryEvent } from '../../../engine/contract/events.js';
import { requirePytest } from '../../support/python.js';
import { makeProject, read, runProject } from '../../support/scripted-project.js';

process.env.PYTEST_DISABLE_PLUGIN_AUTOLOAD = '1';

const code = (name: string, value: number) => `def ${name}():\n    return ${value}\n`;
const test = (name: string, value: number) =>
  `from ${name} import ${name}\n\n\ndef test_${name}():\n    assert ${name}() == ${value}\n`;
const entry = (task: number, name: string, files: string[], dependsOn: number[]) => ({
  task,
  title: `Make ${name}`,
  files: files.map((path) => ({ path, job: `part of ${name}` })),
  testFiles: [`tests/test_${name}.py`],
  scenarios: [`${name} answers`],
  testCommand: `python3 -m pytest -q tests/test_${name}.py`,
  dependsOn,
});

describe.skipIf(requirePytest())('planned order of production lines', () => {
  it('starts a task after its dependsOn is green, and never beside a task sharing a planned file', async () => {
    const dir = makeProject({
      tasks: [
        'Make fa (tests: tests/test_fa.py)',
        'Make fb (tests: tests/test_fb.py)',
        'Make fc (tests: tests/test_fc.py)',
      ],
      settings: { MAX_PARALLEL: '3' },
      files: {
        'conftest.py': 'import os, sys\nsys.path.insert(0, os.path.dirname(__file__))\n',
        'tests/test_fa.py': test('fa', 1),
        'tests/test_fb.py': test('fb', 2),
        'tests/test_fc.py': test('fc', 3),
      },
      script: {
        architect: [
          {
            summary: 'Three functions; fb shares notes.py with fa, fc builds on fa.',
            tasks: [
              entry(1, 'fa', ['fa.py', 'notes.py'], []),
              entry(2, 'fb', ['fb.py', 'notes.py'], []),
              entry(3, 'fc', ['fc.py'], [1]),
            ],
          },
        ],
        // Every task names its tests, so the reviewer is never called; the plan needs one to be on.
        reviewer: [{ say: 'never called' }],
        workerByTask: {
          1: [{ say: ['fa'], delayMs: 300, write: { 'fa.py': code('fa', 1) } }],
          2: [{ say: ['fb'], delayMs: 300, write: { 'fb.py': code('fb', 2) } }],
          3: [{ say: ['fc'], delayMs: 300, write: { 'fc.py': code('fc', 3) } }],
        },
      },
    });
    const run = await runProject(dir);
    expect(run.result.outcome, run.result.reason).toBe('green');
    const order = (run.events as FactoryEvent[])
      .filter((event) => event.type === 'line:started' || event.type === 'line:merged' || event.type === 'line:closed')
      .map((event) => `${event.type} ${event.task}`);
    // Task 1 alone (2 overlaps it, 3 waits for it); once it is merged both start, side by side.
    expect(order.slice(0, 2)).toEqual(['line:started 1', 'line:merged 1']);
    const rest = order.slice(order.indexOf('line:closed 1') + 1);
    expect(rest.slice(0, 2).sort()).toEqual(['line:started 2', 'line:started 3']);
    expect(order.indexOf('line:started 2')).toBeGreaterThan(order.indexOf('line:closed 1'));
    expect(read(dir, 'fc.py')).toBe(code('fc', 3));
  });
});

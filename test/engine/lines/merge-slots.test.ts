// MAX_PARALLEL counts the lines working, not the lines alive: a green line waiting for the run branch and its merged
// tree's suite gives its slot to the next ready task, and a line the merge sends back takes a slot again before any
// new task's line starts. The worker's calls are counted as they run: never more than MAX_PARALLEL at once.
import { describe, expect, it } from 'vitest';
import type { Worker } from '../../../engine/agents/agent.js';
import { createAgents } from '../../../engine/agents/create-agents.js';
import { loadConfig } from '../../../engine/config/load-config.js';
import { createEngine } from '../../../engine/engine.js';
import type { FactoryEvent } from '../../../engine/contract/events.js';
import { confinedSandbox } from '../../support/confined-sandbox.js';
import { ofType } from '../../support/engine.js';
import { requirePytest } from '../../support/python.js';
import { calcWith, fileAt, lineBranches, linesProject, mostAtOnce, suitePasses } from '../../support/lines-project.js';

const module = (name: string, value: string) => `def ${name}():\n    return ${value}\n`;
const test = (name: string, expected: number) =>
  `from ${name} import ${name}\n\n\ndef test_${name}():\n    assert ${name}() == ${expected}\n`;

/** The real engine on the project, its worker's calls counted while they run. */
async function runCounted(dir: string) {
  const config = loadConfig(dir);
  const agents = createAgents(dir, config);
  let now = 0;
  let most = 0;
  const worker: Worker = {
    name: agents.worker.name,
    run: async (request) => {
      most = Math.max(most, ++now);
      try {
        return await agents.worker.run(request);
      } finally {
        now--;
      }
    },
  };
  const engine = createEngine({ projectDir: dir, config, ...agents, worker, sandbox: confinedSandbox(dir) });
  const events: FactoryEvent[] = [];
  engine.on((event) => events.push(event));
  const result = await engine.run();
  return { result, events, mostCalls: most };
}

const at = (events: FactoryEvent[], type: FactoryEvent['type'], task: number, round?: number) =>
  events.findIndex((e) => e.type === type && e.task === task && (round === undefined || e.round === round));

describe.skipIf(requirePytest())('worker slots of production lines', () => {
  it('starts the next task while a green line is merged and verified, never more calls at once than MAX_PARALLEL', async () => {
    const dir = linesProject({
      parallel: 2,
      tasks: [
        'Make fa (tests: tests/test_fa.py)',
        'Make fb (tests: tests/test_fb.py)',
        'Make fc (tests: tests/test_fc.py)',
      ],
      tests: {
        'tests/test_fa.py': test('fa', 1),
        'tests/test_fb.py': test('fb', 2),
        'tests/test_fc.py': test('fc', 3),
      },
      byTask: {
        1: [{ delayMs: 300, write: { 'fa.py': module('fa', '1') } }],
        2: [{ delayMs: 300, write: { 'fb.py': module('fb', '2') } }],
        3: [{ delayMs: 600, write: { 'fc.py': module('fc', '3') } }],
      },
    });
    const { result, events, mostCalls } = await runCounted(dir);
    expect(result.outcome, result.reason).toBe('green');
    expect(mostCalls).toBe(2);
    // Task 3's line started while the first two were still being merged, verified and ticked: three lines at once.
    expect(at(events, 'line:started', 3)).toBeLessThan(
      Math.min(at(events, 'line:closed', 1), at(events, 'line:closed', 2)),
    );
    expect(mostAtOnce(events)).toBe(3);
    expect(
      ofType(events, 'line:merged')
        .map((event) => event.task)
        .sort(),
    ).toEqual([1, 2, 3]);
    expect(fileAt(dir, 'RFP/tasks.md')).not.toContain('- [ ]');
    expect(suitePasses(dir)).toBe(true);
    expect(lineBranches(dir)).toEqual([]);
  });

  it('gives the slot a returned line asks for to it before a new task’s line', async () => {
    const independent = (name: string, value: number, delayMs: number) => ({
      delayMs,
      write: { [`${name}.py`]: module(name, String(value)) },
    });
    const dir = linesProject({
      parallel: 2,
      tasks: [
        'Add to calc (tests: tests/test_add.py)',
        'Multiply in calc (tests: tests/test_mul.py)',
        'Make fc (tests: tests/test_fc.py)',
        'Make fd (tests: tests/test_fd.py)',
        'Make fe (tests: tests/test_fe.py)',
      ],
      files: { 'calc.py': calcWith() },
      tests: {
        'tests/test_add.py': 'from calc import calc\n\n\ndef test_add():\n    assert calc("+", 2, 3) == 5\n',
        'tests/test_mul.py': 'from calc import calc\n\n\ndef test_mul():\n    assert calc("*", 2, 3) == 6\n',
        'tests/test_fc.py': test('fc', 3),
        'tests/test_fd.py': test('fd', 4),
        'tests/test_fe.py': test('fe', 5),
      },
      byTask: {
        // Task 1 comes home first; its slot goes to task 3. Task 2 comes home next (its slot to task 4), conflicts
        // with task 1's change, and asks for a slot while tasks 3 and 4 hold both: the first one given back is its.
        1: [{ write: { 'calc.py': calcWith('+') } }],
        2: [{ delayMs: 600, write: { 'calc.py': calcWith('*') } }, { write: { 'calc.py': calcWith('+', '*') } }],
        3: [independent('fc', 3, 2500)],
        4: [independent('fd', 4, 2000)],
        5: [independent('fe', 5, 0)],
      },
    });
    const { result, events, mostCalls } = await runCounted(dir);
    expect(result.outcome, result.reason).toBe('green');
    expect(mostCalls).toBe(2);
    expect(ofType(events, 'line:returned')).toMatchObject([{ task: 2, reason: 'conflict' }]);
    // Tasks 3 and 4 took the slots tasks 1 and 2 gave back for their merges; task 2's conflict is found in a few git
    // steps, maybe before task 4's worktree is made, so its second round is what shows it waited for a slot given
    // back. Task 5 only starts after task 2 had its slot back.
    expect(at(events, 'line:started', 3)).toBeLessThan(at(events, 'line:merged', 1));
    expect(at(events, 'line:started', 4)).toBeLessThan(at(events, 'prompt:built', 2, 2));
    expect(at(events, 'prompt:built', 2, 2)).toBeLessThan(at(events, 'line:started', 5));
    expect(at(events, 'line:returned', 2)).toBeLessThan(at(events, 'line:closed', 3));
    expect(
      ofType(events, 'line:merged')
        .map((event) => event.task)
        .sort(),
    ).toEqual([1, 2, 3, 4, 5]);
    expect(fileAt(dir, 'calc.py')).toBe(calcWith('+', '*'));
    expect(suitePasses(dir)).toBe(true);
    expect(lineBranches(dir)).toEqual([]);
  });
});

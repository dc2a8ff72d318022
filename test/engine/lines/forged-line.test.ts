// A line's worker attacks the verdict as a model would, while the other line works honestly: it patches pytest's
// reporting at import, shadows the runner with a pytest.py of its own, and skips every test from a conftest.py. None of
// it turns the task green, in the line or on the merged tree: the honest task is merged and ticked, the forged one never.
import { describe, expect, it } from 'vitest';
import { ofType } from '../../support/engine.js';
import { makereportHook, passEverythingModule } from '../../support/hostile-cheats.js';
import { fileAt, faAndFb, linesProject } from '../../support/lines-project.js';
import { requirePytest } from '../../support/python.js';
import { runEngine } from '../../support/run-engine.js';

const wrongFb = 'def fb():\n    return 0\n';
const forgedPytest = 'import sys\n\nprint("1 passed")\nsys.exit(0)\n';

describe.skipIf(requirePytest())('a line that forges its verdict', () => {
  it('is never green nor merged, while the honest line is', { timeout: 120_000 }, async () => {
    const dir = linesProject({
      parallel: 2,
      config: { MAX_ROUNDS: '3' },
      ...faAndFb,
      byTask: {
        1: [{ write: { 'fa.py': 'def fa():\n    return 1\n' } }],
        2: [
          { write: { 'fb.py': passEverythingModule(wrongFb) } },
          { write: { 'pytest.py': forgedPytest, 'fb.py': wrongFb } },
          { write: { 'conftest.py': makereportHook, 'fb.py': wrongFb } },
        ],
      },
    });
    const conftest = fileAt(dir, 'conftest.py');
    const { result, events } = await runEngine(dir);
    expect(result.outcome).not.toBe('green');

    const verdicts = ofType(events, 'tests:finished').filter((event) => event.task === 2 && !event.baseline);
    expect(verdicts.length).toBeGreaterThan(0);
    for (const event of verdicts) expect(event.taskVerdict?.green).toBe(false);
    expect(ofType(events, 'line:merged').map((event) => event.task)).toEqual([1]);
    expect(ofType(events, 'task:finished').map((event) => [event.task, event.outcome])).toEqual(
      expect.arrayContaining([[1, 'green']]),
    );
    expect(ofType(events, 'task:finished').filter((event) => event.task === 2 && event.outcome === 'green')).toEqual(
      [],
    );
    // The run branch holds the honest task's work and none of the forgeries.
    expect(fileAt(dir, 'fa.py')).toBe('def fa():\n    return 1\n');
    for (const file of ['fb.py', 'pytest.py']) expect(fileAt(dir, file)).toBeUndefined();
    expect(fileAt(dir, 'conftest.py')).toBe(conftest);
    expect(fileAt(dir, 'RFP/tasks.md')).toMatch(/- \[x\] Make fa/);
    expect(fileAt(dir, 'RFP/tasks.md')).toMatch(/- \[ \] Make fb/);
  });
});

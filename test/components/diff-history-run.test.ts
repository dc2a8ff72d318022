// A real run of two rounds, folded into the dashboard: each round's code diff stays under its round, and the commit
// that ticks the task in RFP/tasks.md is an entry of its own, after them, never in the place of round 2.
import { describe, expect, it } from 'vitest';
import { initialDashboard, reduceDashboard, shownDiff } from '../../components/dashboard-state.js';
import { engineFor, ofType } from '../support/engine.js';
import { makeProject, rightAdd } from '../support/project.js';
import { requirePytest } from '../support/python.js';

describe.skipIf(requirePytest())('Diff pane history of a real run', () => {
  it('keeps round 1 and round 2 under their rounds and labels the task-closing commit as such', async () => {
    const dir = makeProject({
      script: {
        worker: [{ write: { 'calc.py': 'def add(a, b):\n    return a - b\n' } }, { write: { 'calc.py': rightAdd } }],
      },
    });
    const { engine, events } = engineFor(dir);
    expect(await engine.run()).toMatchObject({ outcome: 'green' });
    expect(ofType(events, 'git:committed').map((commit) => commit.kind)).toEqual(['round', 'round', 'task-done']);

    let state = reduceDashboard(initialDashboard(), { type: 'events', events });
    expect(state.diffs.map((diff) => `${diff.kind} ${diff.round}`)).toEqual(['round 1', 'round 2', 'task-done 2']);
    // Following, the pane shows round 2's code, not the tick of RFP/tasks.md.
    expect(shownDiff(state)).toMatchObject({ kind: 'round', round: 2 });
    expect(
      shownDiff(state)
        ?.lines.map((line) => line.text)
        .join('\n'),
    ).toContain('calc.py');
    state = reduceDashboard(state, { type: 'diff-step', by: 1 });
    expect(shownDiff(state)?.kind).toBe('task-done');
    expect(
      shownDiff(state)
        ?.lines.map((line) => line.text)
        .join('\n'),
    ).toContain('RFP/tasks.md');
    state = reduceDashboard(reduceDashboard(state, { type: 'diff-step', by: -1 }), { type: 'diff-step', by: -1 });
    expect(shownDiff(state)).toMatchObject({ kind: 'round', round: 1 });
  });
});

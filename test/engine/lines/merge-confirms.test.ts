// A line's green round has no confirming run of its own: the suite on the run branch merged with the line is that run
// (a new process, from the merge commit, in the run's checkout). A module right only the first time it is imported is
// green in the line, red on the merged tree, and sent back with why; the honest round after it is merged.
import { describe, expect, it } from 'vitest';
import { ofType } from '../../support/engine.js';
import { faAndFb, fileAt, linesProject, suitePasses } from '../../support/lines-project.js';
import { requirePytest } from '../../support/python.js';
import { runEngine } from '../../support/run-engine.js';

const flag = 'fb-seen.flag';
const onceRight =
  `import os\n_first = not os.path.exists(${JSON.stringify(flag)})\nopen(${JSON.stringify(flag)}, "w").close()\n\n\n` +
  'def fb():\n    return 2 if _first else 0\n';
const rightFb = 'def fb():\n    return 2\n';

describe.skipIf(requirePytest())('the merge of a green line', () => {
  it('is its confirming run: what passed only in the line’s run is sent back, the honest round merged', {
    timeout: 120_000,
  }, async () => {
    const dir = linesProject({
      parallel: 2,
      ...faAndFb,
      byTask: {
        1: [{ write: { 'fa.py': 'def fa():\n    return 1\n' } }],
        2: [{ write: { 'fb.py': onceRight } }, { write: { 'fb.py': rightFb } }],
      },
    });
    const { result, events } = await runEngine(dir);
    expect(result.outcome, result.reason).toBe('green');

    // Green in the line: no confirming run there disagreed with the round's.
    const rounds = ofType(events, 'round:finished').filter((event) => event.task === 2);
    expect(rounds.map((event) => event.record.green)).toEqual([true, true]);
    const guards = ofType(events, 'guard:failed').map((event) => event.reason);
    expect(guards.filter((reason) => reason.includes('confirming run'))).toEqual([]);

    // Red on the merged tree, where the flag its round's run left is committed: sent back, told why.
    const returned = ofType(events, 'line:returned');
    expect(returned).toHaveLength(1);
    expect(returned[0]).toMatchObject({ task: 2, reason: 'regression', tests: ['tests/test_fb.py::test_fb'] });
    expect(returned[0]!.detail).toContain("Your task's tests must pass from the committed tree alone");
    const prompts = ofType(events, 'prompt:built').filter((event) => event.task === 2);
    expect(prompts[1]?.prompt).toContain("Your task's tests must pass from the committed tree alone");

    expect(
      ofType(events, 'line:merged')
        .map((event) => event.task)
        .sort(),
    ).toEqual([1, 2]);
    expect(fileAt(dir, 'fb.py')).toBe(rightFb);
    expect(suitePasses(dir)).toBe(true);
  });
});

// The test-tamper guard against a scripted coder that cheats every way it can, with real pytest: no cheat ends green.
import { describe, expect, it } from 'vitest';
import { addTests, calculatorPlan } from '../../../support/calculator-plan.js';
import { exists, git, makeProject, read, runProject } from '../../../support/scripted-project.js';

/** Passes test_add_positive, fails test_add_negative: green only if the negative test stops counting. */
const halfRight = (round: string): string => `def add(a, b):\n    return abs(a) + abs(b)  # round ${round}\n`;
const right = 'def add(a, b):\n    return a + b\n';
const skipNegative =
  'import pytest\n\n\ndef pytest_collection_modifyitems(items):\n    for item in items:\n        if "negative" in item.name:\n            item.add_marker(pytest.mark.skip(reason="not today"))\n';
const dropNegative =
  'def pytest_collection_modifyitems(items):\n    items[:] = [item for item in items if "negative" not in item.name]\n';

describe('test-tamper guard', () => {
  it('reverts edits, deletes, skip markers and renames of locked tests, and removes a conftest that would skip or drop them', {
    timeout: 300_000,
  }, async () => {
    const cheatedTest = addTests.replace('== -3', '== 3');
    const dir = makeProject({
      tasks: ['Add numbers'],
      settings: { MAX_FAIL_STREAK: '10', MAX_SAME_FAILURE: '10', MAX_ROUNDS: '10' },
      script: {
        architect: [calculatorPlan(1)],
        reviewer: [{ write: { 'tests/test_add.py': addTests } }],
        worker: [
          // Through the edit layer the locked file is refused; through the shell it changes and must be reverted.
          {
            write: { 'tests/test_add.py': cheatedTest, 'actions/add.py': halfRight('{{round}}') },
            run: ["sed -i 's/== -3/== 3/' tests/test_add.py"],
          },
          { write: { 'actions/add.py': halfRight('{{round}}') }, run: ['rm tests/test_add.py'] },
          {
            write: { 'actions/add.py': halfRight('{{round}}') },
            run: [
              "sed -i 's/^def test_add_negative/@pytest.mark.skip\\ndef test_add_negative/; 1i import pytest' tests/test_add.py",
            ],
          },
          { write: { 'actions/add.py': halfRight('{{round}}') }, run: ['git mv tests/test_add.py tests/test_sum.py'] },
          { write: { 'actions/add.py': halfRight('{{round}}'), 'conftest.py': skipNegative } },
          { write: { 'actions/add.py': halfRight('{{round}}'), 'conftest.py': dropNegative } },
          { write: { 'actions/add.py': right }, delete: ['conftest.py'] },
        ],
      },
    });
    const run = await runProject(dir);

    const rounds = run.of('round:finished').map((event) => event.record);
    expect(rounds.map((record) => record.green)).toEqual([false, false, false, false, false, false, true]);
    expect(run.result.outcome).toBe('green');

    expect(
      run
        .of('agent:edit')
        .filter((event) => event.action === 'refused')
        .map((event) => [event.round, event.path, event.reason]),
    ).toEqual([[1, 'tests/test_add.py', 'tests/test_add.py is a locked test']]);
    expect(run.of('guard:violation').map((event) => [event.round, event.kind, event.what])).toEqual([
      [1, 'edited', 'test'],
      [2, 'deleted', 'test'],
      [3, 'skip-marker', 'test'],
      [4, 'renamed', 'test'],
      [5, 'created', 'config'],
      [6, 'created', 'config'],
    ]);
    expect(run.of('guard:violation')[3]!.detail).toBe('renamed to tests/test_sum.py: the rename was undone');
    expect(exists(dir, 'tests/test_sum.py')).toBe(false);
    expect(read(dir, 'tests/test_add.py')).toBe(addTests);

    // Rounds 1-6: the restored test ran and failed for real; the conftest hooks of rounds 5-6 never ran (removed first).
    for (const record of rounds.slice(0, 6)) expect(record.tests.failed).toBe(1);
    expect(rounds[4]!.tests.headline).toBe('1/2 passing');
    expect(rounds[4]!.tests.tests).toEqual({
      'tests/test_add.py::test_add_positive': 'passed',
      'tests/test_add.py::test_add_negative': 'failed',
    });
    expect(run.of('guard:failed')).toEqual([]);
    expect(git(dir, 'log', '--all', '--format=%H', '--', 'conftest.py')).toBe('');

    // Each violation is in the next round's prompt, and in that round's report.
    const prompts = run
      .of('prompt:built')
      .filter((event) => event.round > 0)
      .map((event) => event.prompt);
    expect(prompts[1]).toContain('Locked test tests/test_add.py was edited: restored to the locked content.');
    expect(prompts[2]).toContain('Locked test tests/test_add.py was deleted: restored.');
    expect(prompts[3]).toContain('skip marker(s) added: restored without them');
    expect(prompts[4]).toContain('renamed to tests/test_sum.py');
    expect(prompts[5]).toContain(
      'Test-runner configuration conftest.py was created: removed (only the user adds runner configuration or RFP files).',
    );
    expect(read(dir, '.factory/rounds/round_1.md')).toContain('## Guard and LEGO findings (in the next prompt)');
    expect(read(dir, '.factory/final_report.md')).toContain('round 2: tests/test_add.py deleted: restored');
  });

  it('unlocks a test when the human asks (factory run --unlock), and the coder may then change it', async () => {
    const script = {
      architect: [calculatorPlan(1)],
      reviewer: [{ write: { 'tests/test_add.py': addTests } }],
      worker: [{ write: { 'actions/add.py': halfRight('1') }, run: ["sed -i 's/== -3/== 3/' tests/test_add.py"] }],
    };
    const dir = makeProject({ tasks: ['Add numbers'], settings: { MAX_ROUNDS: '1' }, script });
    const first = await runProject(dir);
    expect(first.of('guard:violation').map((event) => event.kind)).toEqual(['edited']);
    expect(first.result.outcome).toBe('valve');

    // Second run on the same folder: the lock is kept in .factory/locks.json until the human lifts it.
    // One path from the command line, one as the dashboard sends it.
    const second = await runProject(dir, {
      unlock: ['tests/test_add.py'],
      before: (engine) => engine.send({ type: 'unlock', path: 'tests/nothing.py' }),
    });
    expect(second.of('human:action').map((event) => [event.action, event.text])).toEqual([
      ['unlock', 'tests/nothing.py'],
    ]);
    expect(second.of('tests:unlocked').map((event) => [event.path, event.found])).toEqual([
      ['tests/test_add.py', true],
      ['tests/nothing.py', false],
    ]);
    expect(second.of('tests:locked')).toEqual([]);
    expect(second.of('guard:violation')).toEqual([]);
    expect(read(dir, 'tests/test_add.py')).toContain('assert add(-1, -2) == 3\n');
    expect(second.result.outcome).toBe('green');
    expect(JSON.parse(read(dir, '.factory/locks.json'))).toEqual({ locks: [], tested: [1] });
  });
});

// Forgeries of the verdict from inside the test run: the model's code rewrites pytest's reporting, replaces pytest, or
// pre-writes the report. None turns a round green; an honest round still does.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAgents } from '../../../engine/agents/create-agents.js';
import { loadConfig } from '../../../engine/config/load-config.js';
import { createEngine } from '../../../engine/engine.js';
import type { FactoryEventOf } from '../../../engine/contract/events.js';
import { hostUser } from '../../../engine/sandbox/docker/container-spec.js';
import { DockerSandbox } from '../../../engine/sandbox/docker/docker-sandbox.js';
import { dockerForTests } from '../../support/docker-for-tests.js';
import { passEverythingModule } from '../../support/hostile-cheats.js';
import { addTaskProject, read, runProject } from '../../support/scripted-project.js';

const docker = await dockerForTests();

const wrongAdd = 'def add(a, b):\n    return 0\n';
const rightAdd = 'def add(a, b):\n    return a + b\n';
const addTests =
  'from calc import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n\n\ndef test_zero():\n    assert add(0, 0) == 0\n';
const forgedReport =
  '<?xml version="1.0"?><testsuites><testsuite tests="2"><testcase classname="tests.test_calc" name="test_add" ' +
  'file="tests/test_calc.py"/><testcase classname="tests.test_calc" name="test_zero" file="tests/test_calc.py"/>' +
  '</testsuite></testsuites>';

const project = (worker: Record<string, unknown>[]): string =>
  addTaskProject(worker, { 'calc.py': wrongAdd, 'tests/test_calc.py': addTests });

describe('a verdict the code under test cannot forge (pytest, local)', () => {
  it('an implementation that patches _pytest.runner.call_and_report is red: "the test run was tampered with"', {
    timeout: 120_000,
  }, async () => {
    const dir = project([{ write: { 'calc.py': passEverythingModule(wrongAdd) } }, { write: { 'calc.py': rightAdd } }]);
    const run = await runProject(dir);
    const rounds = run.of('round:finished').map((event) => event.record);
    expect(rounds.map((record) => record.green)).toEqual([false, true]);
    expect(rounds[0]!.judgement.note).toMatch(
      /^the test run was tampered with: factory's must-fail canary .* was reported passed/,
    );
    expect(rounds[0]!.tests.headline).toContain('the test run was tampered with');
    expect(read(dir, '.factory/rounds/round_1.md')).toContain('the test run was tampered with');
    const second = run.of('prompt:built').find((event) => event.round === 2)!.prompt;
    expect(second).toContain('the test run was tampered with');
    // The honest round's counts are the project's: the canaries are not among them.
    expect(rounds[1]!.tests).toMatchObject({ passed: 2, failed: 0 });
    expect(Object.keys(rounds[1]!.tests.tests).sort()).toEqual([
      'tests/test_calc.py::test_add',
      'tests/test_calc.py::test_zero',
    ]);
    expect(run.result.outcome).toBe('green');
  });

  // (A fake pytest package no longer runs at all: factory's launcher imports the real one, runner-not-forged.test.ts.)
  it('a run that dies before writing its report (os._exit(0) at import) is red: the report went missing after a baseline that had one', {
    timeout: 120_000,
  }, async () => {
    const dir = project([{ write: { 'calc.py': `import os\n\nos._exit(0)\n\n\n${wrongAdd}` } }]);
    const run = await runProject(dir);
    const [round] = run.of('round:finished').map((event) => event.record);
    expect(round!.green).toBe(false);
    expect(round!.judgement.note).toMatch(/^the runner stopped reporting per-test results: no report/);
    expect(round!.judgement.note).not.toContain('judged on the whole suite');
    expect(read(dir, '.factory/rounds/round_1.md')).toContain('the runner stopped reporting per-test results');
  });

  it('a report the model pre-wrote in .factory/reports is never read', { timeout: 120_000 }, async () => {
    const dir = project([{ write: { '.factory/reports/pytest.xml': forgedReport } }]);
    const run = await runProject(dir);
    const [round] = run.of('round:finished').map((event) => event.record);
    expect(round!.green).toBe(false);
    expect(round!.tests.tests['tests/test_calc.py::test_add']).toBe('failed');
    expect(round!.tests.source).not.toContain('.factory/reports');
    // The write itself is refused: .factory/ is factory's.
    expect(fs.existsSync(path.join(dir, '.factory/reports/pytest.xml'))).toBe(false);
    expect(run.of('agent:edit')).toContainEqual(
      expect.objectContaining({ path: '.factory/reports/pytest.xml', action: 'refused' }),
    );
  });

  it('a round whose confirming run from the committed tree is red is not green, and says why', {
    timeout: 120_000,
  }, async () => {
    // In the project: the confined test run can write nowhere else (its /tmp is its own).
    const flag = 'seen.flag';
    // Right only the first time it is imported: the round's run passes, the confirming run does not.
    const once = `import os\n_first = not os.path.exists(${JSON.stringify(flag)})\nopen(${JSON.stringify(flag)}, "w").close()\n\n\ndef add(a, b):\n    return a + b if _first else 0\n`;
    const dir = project([{ write: { 'calc.py': once } }, { write: { 'calc.py': rightAdd } }]);
    const run = await runProject(dir);
    const rounds = run.of('round:finished').map((event) => event.record);
    expect(rounds.map((record) => record.green)).toEqual([false, true]);
    expect(rounds[0]!.judgement.note).toMatch(
      /^the confirming run from the committed tree disagrees with the round's run: /,
    );
    expect(read(dir, '.factory/rounds/round_1.md')).toContain('the confirming run from the committed tree disagrees');
    expect(run.of('prompt:built').find((event) => event.round === 2)!.prompt).toContain('the confirming run');
    expect(run.result.outcome).toBe('green');
  });

  it('an ordinary project goes red to green in one round, canaries out of its counts', {
    timeout: 120_000,
  }, async () => {
    const dir = project([{ write: { 'calc.py': rightAdd } }]);
    const run = await runProject(dir);
    const baseline = run.of('baseline:recorded')[0]!;
    expect(baseline).toMatchObject({ passing: 1, starting: ['tests/test_calc.py::test_add'] });
    const rounds = run.of('round:finished').map((event) => event.record);
    expect(rounds.map((record) => record.green)).toEqual([true]);
    expect(rounds[0]!.tests).toMatchObject({ passed: 2, failed: 0, errored: 0, exitCode: 0, headline: '2/2 passing' });
    expect(run.result.outcome).toBe('green');
  });
});

describe.skipIf(!docker.engine)(
  `a verdict the code under test cannot forge (pytest, docker${docker.skipReason ?? ''})`,
  () => {
    it('the call_and_report patch is red in the container too; the honest round is green', {
      timeout: 180_000,
    }, async () => {
      const dir = project([
        { write: { 'calc.py': passEverythingModule(wrongAdd) } },
        { write: { 'calc.py': rightAdd } },
      ]);
      const config = loadConfig(dir);
      // The container's uid reads the project (mkdtemp makes it 0700).
      fs.chmodSync(dir, 0o755);
      // As root (CI) a plain uid stands in for the host user, as in the sandbox's own tests.
      const user = hostUser() === '0:0' ? '1000:1000' : hostUser();
      const sandbox = new DockerSandbox(docker.engine!, {
        projectDir: dir,
        image: docker.image,
        runId: 'forged',
        user,
      });
      const engine = createEngine({ projectDir: dir, config, ...createAgents(dir, config), sandbox });
      const rounds: FactoryEventOf<'round:finished'>[] = [];
      engine.on((event) => {
        if (event.type === 'round:finished') rounds.push(event as FactoryEventOf<'round:finished'>);
      });
      const result = await engine.run();
      expect(rounds.map((event) => event.record.green)).toEqual([false, true]);
      expect(rounds[0]!.record.judgement.note).toMatch(/^the test run was tampered with: .*must-fail canary/);
      expect(rounds[1]!.record.tests.source).toContain('/factory-verdict/');
      expect(rounds[1]!.record.tests).toMatchObject({ passed: 2, failed: 0 });
      expect(result.outcome).toBe('green');
      // The verdict folders are gone with the container.
      expect(sandbox.verdictMount).toBeUndefined();
    });
  },
);

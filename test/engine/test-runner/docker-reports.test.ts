// The runner's report from inside the Docker sandbox: pytest writes it in the run's verdict folder, mounted outside /app,
// and factory reads it on the host.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createAgents } from '../../../engine/agents/create-agents.js';
import { loadConfig } from '../../../engine/config/load-config.js';
import { createEngine } from '../../../engine/engine.js';
import type { FactoryEvent, FactoryEventOf } from '../../../engine/contract/events.js';
import { createSandbox } from '../../../engine/sandbox/create-sandbox.js';
import { dockerForTests } from '../../support/docker-for-tests.js';
import { runnerProjects, runnerScript } from '../../support/runner-projects.js';
import { makeProject } from '../../support/scripted-project.js';

const docker = await dockerForTests();
const projects: string[] = [];

describe.skipIf(!docker.engine)(
  `reports from the docker sandbox${docker.skipReason ? ` (${docker.skipReason})` : ''}`,
  () => {
    afterAll(() => {
      for (const dir of projects) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('pytest -q in the container: per-test results from its JUnit report, red to green', async () => {
      const project = runnerProjects.find((candidate) => candidate.name === 'pytest -q')!;
      const dir = makeProject({
        tasks: [`Add numbers (tests: ${project.addTests})`, 'Multiply numbers'],
        settings: { ...project.settings, SANDBOX: 'docker', SANDBOX_IMAGE: docker.image },
        files: project.files,
        script: runnerScript(project),
      });
      projects.push(dir);
      const config = loadConfig(dir);
      const { sandbox } = await createSandbox(dir, config, {});
      expect(sandbox.projectRoot).toBe('/app');
      const engine = createEngine({ projectDir: dir, config, ...createAgents(dir, config), sandbox });
      const events: FactoryEvent[] = [];
      engine.on((event) => events.push(event));
      const result = await engine.run();
      const rounds = events
        .filter((event): event is FactoryEventOf<'round:finished'> => event.type === 'round:finished')
        .map((event) => event.record);
      expect(result, rounds.map((round) => round.tests.excerpt).join('\n')).toMatchObject({
        outcome: 'green',
        exitCode: 0,
      });
      expect(rounds.map((round) => [round.task, round.round, round.green])).toEqual([
        [1, 1, false],
        [1, 2, true],
        [2, 1, true],
      ]);
      // A verdict run's report comes from its own folder in the container's verdict mount, outside /app.
      for (const round of rounds)
        expect(round.tests.source).toMatch(/^JUnit XML report \/factory-verdict\/factory-verdict-\w+\/pytest\.xml$/);
      // -q prints no passing ids: these come from the report the container wrote.
      expect(rounds[1]!.tests.tests).toMatchObject({
        'tests/test_add.py::test_add': 'passed',
        'tests/test_add.py::test_add_negative': 'passed',
        [project.legacyId]: 'failed',
      });
      expect(rounds[1]!.judgement.failingBefore).toEqual([project.legacyId]);
      // Task 2's ids too came from the container's report.
      expect(Object.keys(rounds[2]!.tests.tests).some((id) => id.startsWith('tests/test_mul.py::'))).toBe(true);
    }, 400_000);
  },
);

// Production lines with SANDBOX=docker: one container per line while the lines run (on the line's worktree), none of
// theirs or the run's left once the run ends.
import { afterAll, describe, expect, it } from 'vitest';
import { createAgents } from '../../../engine/agents/create-agents.js';
import { loadConfig } from '../../../engine/config/load-config.js';
import { createEngine } from '../../../engine/engine.js';
import type { FactoryEvent, FactoryEventOf } from '../../../engine/contract/events.js';
import { createSandbox } from '../../../engine/sandbox/create-sandbox.js';
import { labels } from '../../../engine/sandbox/docker/container-spec.js';
import { dockerForTests } from '../../support/docker-for-tests.js';
import { faAndFb, linesProject } from '../../support/lines-project.js';

const docker = await dockerForTests();
const title = docker.skipReason ? `lines in docker (${docker.skipReason})` : 'lines in docker';

/** The running or stopped containers factory made for a folder (the run's checkout or a line's worktree). */
async function containersOf(dir: string): Promise<{ state: string }[]> {
  const found = await docker.engine!.docker.listContainers({ all: true, filters: { label: [`${labels.dir}=${dir}`] } });
  return found.map((info) => ({ state: info.State }));
}

const worktrees: string[] = [];
afterAll(async () => {
  if (!docker.engine) return;
  for (const dir of worktrees)
    for (const info of await docker.engine.docker.listContainers({
      all: true,
      filters: { label: [`${labels.dir}=${dir}`] },
    }))
      await docker.engine.docker.getContainer(info.Id).remove({ force: true });
});

describe.skipIf(docker.skipReason)(title, () => {
  it('gives each running line a container of its own and leaves none behind', async () => {
    const dir = linesProject({
      parallel: 2,
      config: {
        SANDBOX: 'docker',
        SANDBOX_IMAGE: docker.image,
        TEST_CMD: 'python3 -m pytest -rA -q -p no:cacheprovider --continue-on-collection-errors',
      },
      ...faAndFb,
      byTask: {
        1: [{ say: ['a', 'b', 'c'], delayMs: 700, write: { 'fa.py': 'def fa():\n    return 1\n' } }],
        2: [{ say: ['a', 'b', 'c'], delayMs: 700, write: { 'fb.py': 'def fb():\n    return 2\n' } }],
      },
    });
    const config = loadConfig(dir);
    const { sandbox } = await createSandbox(dir, config, {});
    const engine = createEngine({ projectDir: dir, config, ...createAgents(dir, config), sandbox });
    const events: FactoryEvent[] = [];
    const started: FactoryEventOf<'line:started'>[] = [];
    let whileRunning: Promise<{ state: string }[][]> | undefined;
    engine.on((event) => {
      events.push(event);
      if (event.type === 'line:started') {
        started.push(event);
        worktrees.push(event.worktree);
      }
      // Both lines are in their worker's call: each has its container.
      const inCall = new Set(events.filter((e) => e.type === 'agent:chunk').map((e) => e.task));
      if (!whileRunning && inCall.size === 2)
        whileRunning = Promise.all(started.map((line) => containersOf(line.worktree)));
    });
    const result = await engine.run();
    const finished = events.filter((e) => e.type === 'tests:finished') as FactoryEventOf<'tests:finished'>[];
    expect(result.outcome, finished.map((e) => `${e.task}/${e.round}: ${e.result.excerpt}`).join('\n')).toBe('green');
    expect(started).toHaveLength(2);
    expect(await whileRunning).toEqual([[{ state: 'running' }], [{ state: 'running' }]]);
    for (const line of started) expect(await containersOf(line.worktree)).toEqual([]);
    expect(await containersOf(dir)).toEqual([]);
  });
});

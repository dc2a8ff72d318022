// SANDBOX_ENGINES with two engines (this machine's and a second dockerd on a loopback port) and two production lines:
// one line's container on each engine; the second engine stopped mid-run fails its line's round with a clear message,
// the line moves to the first engine and the run ends green; nothing is left on either engine.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgents } from '../../../engine/agents/create-agents.js';
import { loadConfig } from '../../../engine/config/load-config.js';
import { createEngine } from '../../../engine/engine.js';
import type { FactoryEvent, FactoryEventOf } from '../../../engine/contract/events.js';
import { createSandbox } from '../../../engine/sandbox/create-sandbox.js';
import { labels } from '../../../engine/sandbox/docker/container-spec.js';
import type { DockerEngine } from '../../../engine/sandbox/docker/find-docker-engine.js';
import { EnginePool } from '../../../engine/sandbox/engine-pool.js';
import { dockerForTests } from '../../support/docker-for-tests.js';
import { faAndFb, linesProject } from '../../support/lines-project.js';
import { type SecondEngine, startSecondEngine } from '../../support/second-docker-engine.js';

const docker = await dockerForTests();
const title = docker.skipReason ? `engine pool (${docker.skipReason})` : 'engine pool';

async function containersOf(engine: DockerEngine, dir: string): Promise<string[]> {
  const found = await engine.docker.listContainers({ all: true, filters: { label: [`${labels.dir}=${dir}`] } });
  return found.map((info) => info.State);
}

describe.skipIf(!docker.engine)(title, () => {
  let second: SecondEngine;

  beforeAll(async () => {
    second = await startSecondEngine(docker.image);
  }, 180_000);

  afterAll(async () => {
    await second?.dispose();
  });

  it('places two lines on the two engines, moves the one whose engine stops, and ends green with nothing left', async () => {
    const first = docker.engine!;
    const dir = linesProject({
      parallel: 2,
      config: {
        SANDBOX: 'docker',
        SANDBOX_IMAGE: docker.image,
        SANDBOX_SYNC: 'copy',
        SANDBOX_ENGINES: `${first.host},${second.host}`,
        TEST_CMD: 'python3 -m pytest -rA -q -p no:cacheprovider --continue-on-collection-errors',
      },
      ...faAndFb,
      byTask: {
        // Either line may be the one that moves: each has a second call for the round after.
        1: [
          { say: ['a', 'b', 'c'], delayMs: 1500, write: { 'fa.py': 'def fa():\n    return 1\n' } },
          { say: ['again'], write: { 'fa.py': 'def fa():\n    return 1\n' } },
        ],
        2: [
          { say: ['a', 'b', 'c'], delayMs: 1500, write: { 'fb.py': 'def fb():\n    return 2\n' } },
          { say: ['again'], write: { 'fb.py': 'def fb():\n    return 2\n' } },
        ],
      },
    });
    const config = loadConfig(dir);
    const notes: string[] = [];
    const pool = await EnginePool.open(config, { notice: (line) => notes.push(line) });
    const { sandbox } = await createSandbox(dir, config, {});
    const engine = createEngine({
      projectDir: dir,
      config,
      ...createAgents(dir, config),
      sandbox,
      lineSandbox: async (line) =>
        pool.sandboxFor({ projectDir: line.worktree, runId: `${line.runId}-task-${line.task}` }),
    });
    const events: FactoryEvent[] = [];
    const started: FactoryEventOf<'line:started'>[] = [];
    let placed: Promise<{ task: number; first: string[]; second: string[] }[]> | undefined;
    let stopped: Promise<void> | undefined;
    engine.on((event) => {
      events.push(event);
      if (event.type === 'line:started') started.push(event);
      const inCall = new Set(events.filter((e) => e.type === 'agent:chunk' && e.round === 1).map((e) => e.task));
      // Both lines in their first worker call: each has its container, then the second engine goes away.
      if (!placed && inCall.size === 2) {
        placed = Promise.all(
          started.map(async (line) => ({
            task: line.task,
            first: await containersOf(first, line.worktree),
            second: await containersOf(second.engine, line.worktree),
          })),
        );
        stopped = placed.then(() => second.stop());
      }
    });
    const result = await engine.run();
    await stopped;
    const finished = events.filter((e) => e.type === 'tests:finished') as FactoryEventOf<'tests:finished'>[];
    expect(result.outcome, finished.map((e) => `${e.task}/${e.round}: ${e.result.excerpt}`).join('\n')).toBe('green');
    // One line on each engine, in turn.
    const where = (await placed)!.sort((a, b) => a.task - b.task);
    expect(where.map((line) => [...line.first, ...line.second])).toEqual([['running'], ['running']]);
    const onSecond = where.find((line) => line.second.length === 1)!.task;
    expect(where.find((line) => line.first.length === 1)?.task).not.toBe(onSecond);
    const moved = finished.find((e) => e.task === onSecond && e.round === 1);
    expect(moved?.result.green).toBe(false);
    expect(moved?.result.excerpt).toMatch(
      new RegExp(`the Docker engine ${second.host} stopped answering .* The line moved to ${first.host}`, 's'),
    );
    // The round after, on the first engine: the line's own tests pass (the other line's are not in its tree yet).
    const after = finished.find((e) => e.task === onSecond && e.round === 2);
    expect(after?.taskVerdict?.green ?? after?.result.green).toBe(true);
    expect(notes.join('\n')).toMatch(new RegExp(`line moved on ${first.host} \\(copy sync\\)`));
    for (const line of started) expect(await containersOf(first, line.worktree)).toEqual([]);
    // The stopped engine could not be told to remove its container: started again, the next run's pool removes it.
    await second.restart();
    const worktree = started.find((line) => line.task === onSecond)!.worktree;
    const leftThere = await containersOf(second.engine, worktree);
    expect(leftThere.every((state) => state !== 'running')).toBe(true);
    const again: string[] = [];
    await EnginePool.open(config, { notice: (line) => again.push(line) });
    for (const line of started) expect(await containersOf(second.engine, line.worktree)).toEqual([]);
    if (leftThere.length > 0) expect(again.join('\n')).toMatch(/removed 1 container\(s\) left by an earlier run/);
    // A run killed with -9 leaves its containers running, labelled with its pid: the next run's pool removes them too.
    const dead = spawnSync('true').pid!;
    const orphan = await second.engine.docker.createContainer({
      Image: docker.image,
      Cmd: ['sleep', 'infinity'],
      Labels: {
        [labels.sandbox]: '1',
        [labels.pid]: String(dead),
        [labels.host]: os.hostname(),
        [labels.dir]: worktree,
      },
      HostConfig: { NetworkMode: 'none' },
    });
    await orphan.start();
    expect(await containersOf(second.engine, worktree)).toEqual(['running']);
    await EnginePool.open(config, { notice: () => undefined });
    expect(await containersOf(second.engine, worktree)).toEqual([]);
  }, 300_000);
});

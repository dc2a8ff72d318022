import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { engineRounds } from '../../../../source/bench/round/engine-rounds.js';
import { gitFloor } from '../../../../source/bench/round/git-floor.js';
import { bigRepoFile, makeBigRepo } from '../../../../source/bench/round/make-big-repo.js';
import { roundBench } from '../../../../source/bench/round/round-bench.js';

const temps: string[] = [];
const temp = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-round-test-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const project = {
  'factory_config.md': '# bench\n',
  'RFP/requirements.md': 'Change a file.\n',
  'RFP/tasks.md': '- [ ] Change a file\n',
};
const commits = async (dir: string, ref = 'HEAD'): Promise<string[]> =>
  (await execa('git', ['log', '--format=%s', ref], { cwd: dir })).stdout.split('\n');

describe('round benchmark parts', () => {
  it('makeBigRepo commits the number of files asked for', async () => {
    const dir = temp();
    await makeBigRepo(dir, 250, project);
    const tracked = (await execa('git', ['ls-files'], { cwd: dir })).stdout.split('\n');
    expect(tracked).toHaveLength(253);
    expect(tracked).toContain(bigRepoFile(249));
  });

  it('the floor commits one changed file per round with plain git', async () => {
    const dir = temp();
    await makeBigRepo(dir, 50);
    const floor = gitFloor(dir, bigRepoFile(7));
    expect(await floor.round(1)).toBeGreaterThan(0);
    expect(await floor.round(2)).toBeGreaterThan(0);
    expect(await commits(dir)).toEqual(['round 2', 'round 1', 'generated']);
    expect((await execa('git', ['show', '--name-only', '--format=', 'HEAD'], { cwd: dir })).stdout).toBe(
      bigRepoFile(7),
    );
  });

  it('engineRounds runs the real engine one commit per round, calling the floor in each worker step and subtracting it', async () => {
    const dir = temp();
    await makeBigRepo(dir, 100, project);
    const alongside: number[] = [];
    const times = await engineRounds(dir, bigRepoFile(3), 3, 1, async (round) => {
      alongside.push(round);
      await new Promise((resolve) => setTimeout(resolve, 30));
    });
    // 3 measured + 1 warm-up + 1 more to close the last window.
    expect(alongside).toEqual([1, 2, 3, 4, 5]);
    expect(times.overheadMs).toHaveLength(3);
    expect(times.workerMs.every((ms) => ms >= 29)).toBe(true);
    expect(times.overheadMs.every((ms) => ms > 0)).toBe(true);
    // The baseline's test run and one a round, 6 in all, alternate between the two ways; each way's first is left out.
    expect([times.unconfinedMs.length, times.confinedMs?.length]).toEqual([2, 2]);
    expect([...times.unconfinedMs, ...(times.confinedMs ?? [])].every((ms) => ms > 0)).toBe(true);
    const branch = (
      await execa('git', ['branch', '--format=%(refname:short)', '--list', 'factory/*'], { cwd: dir })
    ).stdout.trim();
    expect((await commits(dir, branch)).filter((subject) => subject.startsWith('factory: task 1 round'))).toHaveLength(
      5,
    );
  });

  it('roundBench reports the engine and the floor side by side, with the ratio and the goals', async () => {
    const report = await roundBench({ files: 200, rounds: 3, warmup: 1 });
    expect(report.figures.map((figure) => [figure.id, figure.stats.n])).toEqual([
      ['engine', 3],
      ['floor', 3],
      ['engine-contained', 3],
      ['floor-contained', 3],
      ['worker', 3],
      ['tests-local', expect.any(Number)],
      ['tests-confined', expect.any(Number)],
    ]);
    expect(report.ratios.map((each) => each.label)).toEqual([
      'engine / floor',
      "user's round / floor",
      'confined / unconfined test run',
    ]);
    const [engine, floor] = report.figures;
    expect(report.ratios[0]!.value).toBeCloseTo(engine!.stats.median / floor!.stats.median);
    const [, , real, realFloor] = report.figures;
    expect(report.ratios[1]!.value).toBeCloseTo(real!.stats.median / realFloor!.stats.median);
    expect(report.goals.map((goal) => [goal.subject, goal.limit])).toEqual([
      ['engine', 100],
      ['engine / floor', 1.5],
      ["user's round / floor", 1.5],
    ]);
  });
});

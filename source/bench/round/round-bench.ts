// The `round` benchmark: the engine's own time per round on a large repository, next to the plain-git floor.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { goal, ratio, type BenchReport, type Figure } from '../bench-report.js';
import { stats } from '../stats.js';
import { engineRounds } from './engine-rounds.js';
import { gitFloor } from './git-floor.js';
import { bigRepoFile, makeBigRepo } from './make-big-repo.js';

export type RoundBenchOptions = { files: number; rounds: number; warmup: number };

export const roundDefaults: RoundBenchOptions = { files: 10_000, rounds: 30, warmup: 3 };

const project = {
  'factory_config.md': '# round benchmark\n',
  'RFP/requirements.md': '# Requirements\n\nChange one file per round (benchmark).\n',
  'RFP/tasks.md': '- [ ] Change one file per round\n',
};

export async function roundBench(options: RoundBenchOptions = roundDefaults): Promise<BenchReport> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-bench-round-'));
  try {
    const floorRepo = path.join(root, 'floor');
    await makeBigRepo(floorRepo, options.files, project);
    const changed = bigRepoFile(Math.floor(options.files / 2));
    const floor = gitFloor(floorRepo, changed);
    // The floor's rounds run inside the engine's worker step (whose time is subtracted), so the two
    // alternate round by round and see the same machine load. Twice: the engine's round alone, then a user's round
    // (the worker under factory's check of the work tree), each against the floor rounds of its own run.
    const measure = async (contained: boolean) => {
      const engineRepo = path.join(root, contained ? 'engine-contained' : 'engine');
      await makeBigRepo(engineRepo, options.files, project);
      const floorAll: number[] = [];
      const engine = await engineRounds(
        engineRepo,
        changed,
        options.rounds,
        options.warmup,
        async (round) => void floorAll.push(await floor.round(round)),
        contained,
      );
      return { engine, floorMs: floorAll.slice(options.warmup, options.warmup + options.rounds) };
    };
    const { engine, floorMs } = await measure(false);
    const real = await measure(true);
    const engineFigure: Figure = { id: 'engine', label: 'engine overhead per round', stats: stats(engine.overheadMs) };
    const floorFigure: Figure = {
      id: 'floor',
      label: 'git add -A && git commit && git diff HEAD~1 (sh)',
      stats: stats(floorMs),
    };
    const realFigure: Figure = {
      id: 'engine-contained',
      label: "engine overhead per round, the worker under factory's work-tree check (a user's round)",
      stats: stats(real.engine.overheadMs),
    };
    const realFloor: Figure = { id: 'floor-contained', label: 'the floor, same run', stats: stats(real.floorMs) };
    const realVersus = ratio("user's round / floor", realFigure, realFloor);
    const versus = ratio('engine / floor', engineFigure, floorFigure);
    const unconfined: Figure = {
      id: 'tests-local',
      label: 'one test run (`false`), unconfined local (subtracted)',
      stats: stats(engine.unconfinedMs),
    };
    const confined: Figure | undefined = engine.confinedMs && {
      id: 'tests-confined',
      label: 'one test run (`false`), confined local: OS sandbox (subtracted)',
      stats: stats(engine.confinedMs),
    };
    const confinement = confined && ratio('confined / unconfined test run', confined, unconfined);
    return {
      name: 'round',
      method:
        `${options.files} files, 1 file changed per round, ${options.rounds} rounds after ${options.warmup} ` +
        `warm-up. Engine: time between round:started events minus the worker's and the test command's (\`false\`) ` +
        'own time. Floor: the sh script timed from spawn to exit, one floor round inside each engine worker step ' +
        "so both alternate under the same load. Then again with the worker under factory's check of the work tree " +
        "around each agent call (ContainedWorker), as every real worker runs: a user's round.",
      figures: [
        engineFigure,
        floorFigure,
        realFigure,
        realFloor,
        { id: 'worker', label: 'scripted worker + floor round (subtracted)', stats: stats(engine.workerMs) },
        unconfined,
        ...(confined ? [confined] : []),
      ],
      ratios: confinement ? [versus, realVersus, confinement] : [versus, realVersus],
      goals: [
        goal('engine overhead per round', 'engine', 100, engineFigure.stats.median),
        goal('engine within 1.5x of the floor', 'engine / floor', 1.5, versus.value),
        goal("user's round within 1.5x of the floor", "user's round / floor", 1.5, realVersus.value),
      ],
      unavailable: confinement ? [] : [{ label: 'confined test runs', reason: 'no OS sandbox here' }],
    };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

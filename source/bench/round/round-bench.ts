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
    const engineRepo = path.join(root, 'engine');
    const floorRepo = path.join(root, 'floor');
    await makeBigRepo(engineRepo, options.files, project);
    await makeBigRepo(floorRepo, options.files, project);
    const changed = bigRepoFile(Math.floor(options.files / 2));
    const floor = gitFloor(floorRepo, changed);
    const floorAll: number[] = [];
    // The floor's rounds run inside the engine's worker step (whose time is subtracted), so the two
    // alternate round by round and see the same machine load.
    const engine = await engineRounds(
      engineRepo,
      changed,
      options.rounds,
      options.warmup,
      async (round) => void floorAll.push(await floor.round(round)),
    );
    const floorMs = floorAll.slice(options.warmup, options.warmup + options.rounds);
    const engineFigure: Figure = { id: 'engine', label: 'engine overhead per round', stats: stats(engine.overheadMs) };
    const floorFigure: Figure = {
      id: 'floor',
      label: 'git add -A && git commit && git diff HEAD~1 (sh)',
      stats: stats(floorMs),
    };
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
        'so both alternate under the same load.',
      figures: [
        engineFigure,
        floorFigure,
        { id: 'worker', label: 'scripted worker + floor round (subtracted)', stats: stats(engine.workerMs) },
        unconfined,
        ...(confined ? [confined] : []),
      ],
      ratios: confinement ? [versus, confinement] : [versus],
      goals: [
        goal('engine overhead per round', 'engine', 100, engineFigure.stats.median),
        goal('engine within 1.5x of the floor', 'engine / floor', 1.5, versus.value),
      ],
      unavailable: confinement ? [] : [{ label: 'confined test runs', reason: 'no OS sandbox here' }],
    };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

// The `parallel` benchmark: the same independent tasks played at MAX_PARALLEL=1, 2 and 3 in one run, each in a fresh
// copy of the project, with the engine `factory run` builds; wall time as a ratio to the serial run, and the engine's
// own time per round per line next to the serial run's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import type { FactoryEvent } from '../../../engine/contract/events.js';
import { UserError } from '../../../engine/util/errors.js';
import { goal, ratio, type BenchReport, type Figure } from '../bench-report.js';
import { stats } from '../stats.js';
import { roundBench, roundDefaults, type RoundBenchOptions } from '../round/round-bench.js';
import { makeParallelProject } from './parallel-project.js';
import { engineTimeBesideRounds, engineTimePerRound, mostLinesAtOnce, type TimedEvent } from './task-times.js';
import { timedLinesEngine } from './timed-lines.js';

export type ParallelBenchOptions = {
  tasks: number;
  callMs: number;
  runs: number;
  lines: readonly number[];
  /** The single-line reference: `factory bench round`, measured in the same run after the lines. */
  round: RoundBenchOptions;
};

export const parallelDefaults: ParallelBenchOptions = {
  tasks: 6,
  callMs: 3000,
  runs: 1,
  lines: [1, 2, 3],
  round: roundDefaults,
};

type LinesRun = { wallMs: number; engineMs: number[]; besideMs: number[]; most: number };

export async function parallelBench(options: ParallelBenchOptions = parallelDefaults): Promise<BenchReport> {
  const python = await pythonWithPytest();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-bench-parallel-'));
  // pytest's plugins found on the machine would cost each test run more than factory does.
  const autoload = process.env.PYTEST_DISABLE_PLUGIN_AUTOLOAD;
  process.env.PYTEST_DISABLE_PLUGIN_AUTOLOAD = '1';
  try {
    const runs = new Map<number, LinesRun[]>(options.lines.map((lines) => [lines, []]));
    // Round after round of every MAX_PARALLEL, so each sees the same machine load.
    for (let run = 1; run <= options.runs; run++)
      for (const lines of options.lines) {
        const dir = path.join(root, `run-${run}-lines-${lines}`);
        fs.mkdirSync(dir);
        await makeParallelProject(dir, { tasks: options.tasks, callMs: options.callMs, python });
        runs.get(lines)?.push(await playRun(dir, lines));
      }
    const single = (await roundBench(options.round)).figures.find((figure) => figure.id === 'engine');
    if (!single) throw new Error('the round benchmark gave no engine figure');
    return report(options, runs, { ...single, id: 'round', label: `bench round: ${single.label}` });
  } finally {
    if (autoload === undefined) delete process.env.PYTEST_DISABLE_PLUGIN_AUTOLOAD;
    else process.env.PYTEST_DISABLE_PLUGIN_AUTOLOAD = autoload;
    fs.rmSync(root, { recursive: true, force: true });
  }
}

async function playRun(dir: string, lines: number): Promise<LinesRun> {
  const { engine, outside } = await timedLinesEngine(dir, {
    MAX_PARALLEL: String(lines),
    MODE: 'Single',
    SUPERVISOR: 'none',
    WORKER_TOOLS: 'off',
    MAX_ROUNDS: '3',
  });
  const events: TimedEvent[] = [];
  engine.on((event: FactoryEvent) => void events.push({ at: performance.now(), event }));
  const start = performance.now();
  const result = await engine.run();
  const wallMs = performance.now() - start;
  if (result.outcome !== 'green')
    throw new Error(`the parallel benchmark's run at MAX_PARALLEL=${lines} ended ${result.outcome}: ${result.reason}`);
  return {
    wallMs,
    engineMs: engineTimePerRound(events, outside),
    besideMs: engineTimeBesideRounds(events, outside),
    most: mostLinesAtOnce(events),
  };
}

function report(options: ParallelBenchOptions, runs: Map<number, LinesRun[]>, single: Figure): BenchReport {
  const [serial = 1, ...others] = options.lines;
  const wall = new Map<number, Figure>();
  const engine = new Map<number, Figure>();
  const beside = new Map<number, Figure>();
  for (const [lines, played] of runs) {
    const most = Math.max(...played.map((run) => run.most));
    wall.set(lines, {
      id: `wall-${lines}`,
      label: `wall time, MAX_PARALLEL=${lines} (at most ${most} line(s) at once)`,
      stats: stats(played.map((run) => run.wallMs)),
    });
    engine.set(lines, {
      id: `engine-${lines}`,
      label: `engine's own time per round per line, MAX_PARALLEL=${lines}`,
      stats: stats(played.flatMap((run) => run.engineMs)),
    });
    beside.set(lines, {
      id: `beside-${lines}`,
      label: `engine's own time per task outside its rounds, MAX_PARALLEL=${lines}`,
      stats: stats(played.flatMap((run) => run.besideMs)),
    });
  }
  const serialWall = wall.get(serial);
  const serialEngine = engine.get(serial);
  if (!serialWall || !serialEngine) throw new Error('the parallel benchmark measured no serial run');
  const wallRatios = others.flatMap((lines) => {
    const figure = wall.get(lines);
    return figure ? [ratio(`wall time, ${lines} lines / 1`, figure, serialWall)] : [];
  });
  const engineRatios = others.flatMap((lines) => {
    const figure = engine.get(lines);
    return figure
      ? [
          ratio(`engine per round per line, ${lines} lines / 1`, figure, serialEngine),
          ratio(`engine per round per line, ${lines} lines / bench round`, figure, single),
        ]
      : [];
  });
  const most = others.at(-1);
  const goals =
    most === undefined
      ? []
      : [
          goal(
            `${most} lines within 0.4 of the serial wall time`,
            `wall time, ${most} lines / 1`,
            0.4,
            wallRatios.at(-1)?.value ?? Number.NaN,
          ),
          goal(
            `engine per round per line at ${most} lines within 1.5x of bench round's single line`,
            `engine per round per line, ${most} lines / bench round`,
            1.5,
            engineRatios.at(-1)?.value ?? Number.NaN,
          ),
        ];
  return {
    name: 'parallel',
    method:
      `${options.tasks} independent pytest tasks, each green after one scripted worker call of ${options.callMs} ms, ` +
      `played at MAX_PARALLEL=${options.lines.join(', ')} (${options.runs} run(s) of each, in turn), each in a fresh ` +
      "copy, with factory run's engine, agents and sandboxes (local). Engine time per round per line: from a " +
      "round's round:started to its round:finished, less the time inside its task's worker call and sandbox " +
      'commands (test runs, the confirming one included), as `bench round` counts it. Beside the rounds: the rest ' +
      "of each task's time (its line's worktree and sandbox, the merge and the suite on the merged tree, the tick, " +
      'the wait for the run branch), less its sandbox commands. Then `bench round` as it measures itself ' +
      `(${options.round.files} files, ${options.round.rounds} rounds): the single-line figure of the goal.`,
    figures: [...wall.values(), ...engine.values(), ...beside.values(), single],
    ratios: [...wallRatios, ...engineRatios],
    goals,
    unavailable: [],
  };
}

async function pythonWithPytest(): Promise<string> {
  for (const python of ['python3', '/usr/bin/python3']) {
    const probe = await execa(python, ['-m', 'pytest', '--version'], { reject: false });
    if (probe.exitCode === 0) return python;
  }
  throw new UserError('the parallel benchmark plays pytest tasks, and no python3 with pytest was found');
}

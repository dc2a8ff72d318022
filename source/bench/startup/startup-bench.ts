// The `startup` benchmark: `factory --version` and the first dashboard frame of `factory demo`, next to bare node.
import { execa } from 'execa';
import { goal, ratio, type BenchReport, type Figure } from '../bench-report.js';
import { stats } from '../stats.js';
import { timeToExit, timeToFirstText } from './spawn-timing.js';

export type StartupBenchOptions = {
  /** The CLI's entry script (bin/factory.js), run with this node. */
  cli: string;
  runs: number;
};

export async function startupBench(options: StartupBenchOptions): Promise<BenchReport> {
  const node = process.execPath;
  const version: number[] = [];
  const bare: number[] = [];
  await timeToExit(node, [options.cli, '--version']);
  // Alternating, so both see the same machine load.
  for (let run = 0; run < options.runs; run++) {
    version.push(await timeToExit(node, [options.cli, '--version']));
    bare.push(await timeToExit(node, ['-e', '']));
  }
  const versionFigure: Figure = { id: 'version', label: 'factory --version', stats: stats(version) };
  const bareFigure: Figure = { id: 'node', label: 'node -e "" (bare node start)', stats: stats(bare) };
  const report: BenchReport = {
    name: 'startup',
    method:
      `${options.runs} runs each, alternating, timed from spawn to exit (or to the first visible text on an 80x24 ` +
      'pseudo-terminal for the dashboard).',
    figures: [versionFigure, bareFigure],
    ratios: [ratio('factory --version / bare node', versionFigure, bareFigure)],
    goals: [goal('factory --version', 'version', 150, versionFigure.stats.median)],
    unavailable: [],
  };
  if (!(await hasCommand(options.cli, 'demo'))) {
    report.unavailable.push({
      label: 'first dashboard frame',
      reason: 'this build has no `factory demo` command (the dashboard is not in it yet)',
    });
    return report;
  }
  // Not CI: renderers such as Ink hold their frames back under CI.
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete env.CI;
  const frames: number[] = [];
  for (let run = 0; run < options.runs; run++)
    frames.push(await timeToFirstText(node, [options.cli, 'demo'], env, 10_000));
  const frameFigure: Figure = { id: 'frame', label: 'first dashboard frame (factory demo)', stats: stats(frames) };
  report.figures.push(frameFigure);
  report.goals.push(goal('first dashboard frame', 'frame', 500, frameFigure.stats.median));
  return report;
}

/** Whether `factory --help` lists the command. */
async function hasCommand(cli: string, name: string): Promise<boolean> {
  const result = await execa(process.execPath, [cli, '--help'], { reject: false, stdin: 'ignore' });
  return new RegExp(`^\\s+${name}\\b`, 'm').test(result.stdout);
}

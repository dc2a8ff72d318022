// The `startup` benchmark: `factory --version` and the first dashboard
// frames of `factory demo` and `factory tui`, next to bare node.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
  const help: number[] = [];
  const bare: number[] = [];
  await timeToExit(node, [options.cli, '--version']);
  await timeToExit(node, [options.cli, '--help']);
  // Alternating, so all three see the same machine load.
  for (let run = 0; run < options.runs; run++) {
    version.push(await timeToExit(node, [options.cli, '--version']));
    help.push(await timeToExit(node, [options.cli, '--help']));
    bare.push(await timeToExit(node, ['-e', '']));
  }
  const versionFigure: Figure = { id: 'version', label: 'factory --version', stats: stats(version) };
  // --help loads the CLI itself (commander and every command's options), which --version does not.
  const helpFigure: Figure = { id: 'help', label: 'factory --help', stats: stats(help) };
  const bareFigure: Figure = { id: 'node', label: 'node -e "" (bare node start)', stats: stats(bare) };
  const versionRatio = ratio('factory --version / bare node', versionFigure, bareFigure);
  const helpRatio = ratio('factory --help / bare node', helpFigure, bareFigure);
  const report: BenchReport = {
    name: 'startup',
    method:
      `${options.runs} runs each, alternating, timed from spawn to exit (or to the first visible text on an 80x24 ` +
      'pseudo-terminal for the dashboards, each round of them next to its own bare node start).',
    figures: [versionFigure, helpFigure, bareFigure],
    ratios: [versionRatio, helpRatio],
    goals: [
      goal('factory --version', 'version', 150, versionFigure.stats.median),
      goal(versionRatio.label, versionRatio.label, 1.3, versionRatio.value),
      goal(helpRatio.label, helpRatio.label, 1.5, helpRatio.value),
    ],
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
  // `factory tui --attach` in an empty folder draws the dashboard and waits for a run: its first frame, nothing else.
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-bench-startup-'));
  const dashboards = [
    { id: 'frame', label: 'first dashboard frame (factory demo)', args: [options.cli, 'demo'] },
    { id: 'tui', label: 'first dashboard frame (factory tui)', args: [options.cli, 'tui', '--attach', '--dir', empty] },
  ];
  const frames = dashboards.map(() => [] as number[]);
  const bareByFrames: number[] = [];
  // The same bare start through the same pseudo-terminal, `script` and its shell included: the
  // dashboards' ratio to it leaves out what the measuring costs.
  const bareOnTerminal: number[] = [];
  try {
    // Each dashboard start next to a bare node start, in turn, so the ratios compare the same moments of load. The
    // dashboards take turns at going first: a start right after a stopped dashboard measured slower, whichever it was.
    for (let run = 0; run < options.runs; run++) {
      for (let step = 0; step < dashboards.length; step++) {
        const index = (run + step) % dashboards.length;
        frames[index]!.push(await timeToFirstText(node, dashboards[index]!.args, env, 10_000));
      }
      bareByFrames.push(await timeToExit(node, ['-e', '']));
      bareOnTerminal.push(await timeToFirstText(node, ['-e', 'process.stdout.write("x")'], env, 10_000));
    }
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
  const bareNearFrames: Figure = {
    id: 'node-frames',
    label: 'node -e "" (bare node start, between the dashboard starts)',
    stats: stats(bareByFrames),
  };
  const terminalFigure: Figure = {
    id: 'node-terminal',
    label: 'node writing one character (bare node start on the same pseudo-terminal)',
    stats: stats(bareOnTerminal),
  };
  const figures = dashboards.map((dashboard, index): Figure => ({ ...dashboard, stats: stats(frames[index]!) }));
  report.figures.push(...figures, bareNearFrames, terminalFigure);
  for (const figure of figures) report.goals.push(goal(figure.label, figure.id, 500, figure.stats.median));
  for (const figure of figures) {
    const label = `${figure.label} / bare node`;
    report.ratios.push(ratio(label, figure, bareNearFrames));
    const sameTerminal = `${figure.label} / bare node on the same terminal`;
    report.ratios.push(ratio(sameTerminal, figure, terminalFigure));
    report.goals.push(goal(sameTerminal, sameTerminal, 3, figure.stats.median / terminalFigure.stats.median));
  }
  return report;
}

/** Whether `factory --help` lists the command. */
async function hasCommand(cli: string, name: string): Promise<boolean> {
  const result = await execa(process.execPath, [cli, '--help'], { reject: false, stdin: 'ignore' });
  return new RegExp(`^\\s+${name}\\b`, 'm').test(result.stdout);
}

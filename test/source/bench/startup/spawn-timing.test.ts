import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { timeToExit, timeToFirstText } from '../../../../source/bench/startup/spawn-timing.js';
import { startupBench } from '../../../../source/bench/startup/startup-bench.js';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const script = (code: string): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-startup-test-'));
  temps.push(dir);
  fs.writeFileSync(path.join(dir, 'cli.mjs'), code);
  return path.join(dir, 'cli.mjs');
};

describe('spawn timing', () => {
  it('timeToFirstText waits past escape sequences for visible text on an 80x24 terminal, then stops the process', async () => {
    const file = script(
      "const { isTTY, columns, rows } = process.stdout; process.stdout.write('\\u001b[?1049h\\u001b[2J'); setTimeout(() => { if (isTTY && columns === 80 && rows === 24) process.stdout.write('\\u001b[1mframe'); }, 300); setTimeout(() => {}, 60000);",
    );
    // Were it not stopped, the await would last the script's minute and the test would time out.
    const ms = await timeToFirstText(process.execPath, [file], { ...process.env }, 20_000);
    expect(ms).toBeGreaterThanOrEqual(290);
  });

  it('timeToFirstText fails when the process ends without showing anything', async () => {
    const file = script("process.stdout.write('\\u001b[2J'); process.exit(3);");
    await expect(timeToFirstText(process.execPath, [file], { ...process.env }, 20_000)).rejects.toThrow(
      /ended \(exit 3\) before showing anything/,
    );
  });

  it('timeToExit fails on a non-zero exit', async () => {
    await expect(timeToExit(process.execPath, ['-e', 'process.exit(2)'])).rejects.toThrow(/exited with 2/);
  });
});

describe('startupBench', () => {
  it('measures the CLI next to bare node and reports the first frame as not measured when there is no demo command', async () => {
    const cli = script(
      "if (process.argv[2] === '--help') console.log('Commands:\\n  run   run it'); else console.log('0.1.0');",
    );
    const report = await startupBench({ cli, runs: 2 });
    expect(report.figures.map((figure) => [figure.id, figure.stats.n])).toEqual([
      ['version', 2],
      ['help', 2],
      ['node', 2],
    ]);
    expect(report.goals.map((goal) => [goal.subject, goal.limit])).toEqual([
      ['version', 150],
      ['factory --version / bare node', 1.3],
      ['factory --help / bare node', 1.5],
    ]);
    expect(report.unavailable).toEqual([expect.objectContaining({ label: 'first dashboard frame' })]);
  });

  it('measures the first frames of `demo` and `tui` when the CLI lists them, each next to bare node', async () => {
    const cli = script(
      "if (process.argv[2] === '--help') console.log('Commands:\\n  demo   plays a run\\n  tui   the dashboard'); else if (process.argv[2] === 'demo' || process.argv[2] === 'tui') { process.stdout.write('frame'); setTimeout(() => {}, 60000); } else console.log('0.1.0');",
    );
    const report = await startupBench({ cli, runs: 2 });
    const ids = ['version', 'help', 'node', 'frame', 'tui', 'node-frames', 'node-terminal'];
    expect(report.figures.map((figure) => figure.id)).toEqual(ids);
    expect(report.figures.map((figure) => figure.stats.n)).toEqual([2, 2, 2, 2, 2, 2, 2]);
    const demoRatio = 'first dashboard frame (factory demo) / bare node';
    const tuiRatio = 'first dashboard frame (factory tui) / bare node';
    const onTerminal = ' on the same terminal';
    expect(report.goals.map((goal) => [goal.subject, goal.limit])).toEqual([
      ['version', 150],
      ['factory --version / bare node', 1.3],
      ['factory --help / bare node', 1.5],
      ['frame', 500],
      ['tui', 500],
      [demoRatio + onTerminal, 3],
      [tuiRatio + onTerminal, 3],
    ]);
    expect(report.ratios.map((entry) => [entry.label, entry.of, entry.to])).toEqual([
      ['factory --version / bare node', 'version', 'node'],
      ['factory --help / bare node', 'help', 'node'],
      [demoRatio, 'frame', 'node-frames'],
      [demoRatio + onTerminal, 'frame', 'node-terminal'],
      [tuiRatio, 'tui', 'node-frames'],
      [tuiRatio + onTerminal, 'tui', 'node-terminal'],
    ]);
    expect(report.unavailable).toEqual([]);
  });
});

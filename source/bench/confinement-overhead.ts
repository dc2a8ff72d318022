// What the OS sandbox costs a local test run: a trivial command and a one-test pytest run, unconfined and confined
// (bubblewrap or sandbox-exec), side by side in one run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { detectOsSandbox } from '../../engine/containment/os-sandbox.js';
import { LocalSandbox } from '../../engine/sandbox/local-sandbox.js';
import { goal, ratio, type BenchReport, type Figure } from './bench-report.js';
import { stats } from './stats.js';

/** Issue 28: a confined test run within 1.5× of an unconfined one. */
const confinedToLocal = 1.5;
const warmup = 2;
const pytest = 'python3 -m pytest -q -p no:cacheprovider';

export type ConfinementReport = Omit<BenchReport, 'name'>;

export async function measureConfinement(runs: number): Promise<ConfinementReport> {
  const found = detectOsSandbox();
  if (found.kind === 'none') return unavailable(`no OS sandbox: ${found.reason}`);
  const projectDir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-bench-confined-'));
  fs.writeFileSync(path.join(projectDir, 'test_one.py'), 'def test_one():\n    assert 1 + 1 == 2\n');
  const env = { PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1' };
  const local = new LocalSandbox(projectDir, { env });
  const confined = new LocalSandbox(projectDir, { env, confinement: { os: found, lockedPaths: () => [] } });
  const withPytest = (await execa('python3', ['-m', 'pytest', '--version'], { reject: false })).exitCode === 0;
  const ways = [
    { id: 'local-true', label: '`true`, unconfined local', sandbox: local, command: 'true' },
    { id: 'confined-true', label: `\`true\`, confined local (${found.kind})`, sandbox: confined, command: 'true' },
    ...(withPytest
      ? [
          { id: 'local-pytest', label: 'one-test pytest run, unconfined local', sandbox: local, command: pytest },
          {
            id: 'confined-pytest',
            label: `one-test pytest run, confined local (${found.kind})`,
            sandbox: confined,
            command: pytest,
          },
        ]
      : []),
  ];
  const samples = new Map<string, number[]>(ways.map((way) => [way.id, []]));
  try {
    // Round-robin, so a busy moment of the machine weighs on every way alike.
    for (let round = 0; round < warmup + runs; round++)
      for (const way of ways) {
        const started = performance.now();
        const result = await way.sandbox.exec(way.command, { timeoutMs: 60_000 });
        if (result.exitCode !== 0) throw new Error(`${way.label} failed (exit ${result.exitCode}): ${result.output}`);
        if (round >= warmup) samples.get(way.id)!.push(performance.now() - started);
      }
  } finally {
    await confined.stop();
    fs.rmSync(projectDir, { recursive: true, force: true });
  }
  const figures: Figure[] = ways.map(({ id, label }) => ({ id, label, stats: stats(samples.get(id)!) }));
  const figure = (id: string): Figure => figures.find((entry) => entry.id === id)!;
  const onTrue = ratio('confined / unconfined local, `true`', figure('confined-true'), figure('local-true'));
  const onPytest = withPytest
    ? ratio('confined / unconfined local, pytest run', figure('confined-pytest'), figure('local-pytest'))
    : undefined;
  return {
    method: `${runs} runs each way, round-robin after ${warmup} warm-up runs`,
    figures,
    ratios: onPytest ? [onTrue, onPytest] : [onTrue],
    goals: onPytest
      ? [goal('a confined test run within 1.5× of an unconfined one', onPytest.label, confinedToLocal, onPytest.value)]
      : [],
    unavailable: onPytest ? [] : [{ label: 'pytest rows', reason: 'no python3 with pytest' }],
  };
}

function unavailable(reason: string): ConfinementReport {
  return {
    method: 'not measured',
    figures: [],
    ratios: [],
    goals: [],
    unavailable: [{ label: 'confined local', reason }],
  };
}

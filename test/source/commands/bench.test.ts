import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchReport } from '../../../source/bench/bench-report.js';
import { dockerForTests } from '../../support/docker-for-tests.js';

const factory = (...args: string[]) =>
  execa(process.execPath, ['bin/factory.js', ...args], { reject: false, env: { FACTORY_HOME: home } });
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-bench-cli-'));
const docker = await dockerForTests();
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

describe('factory bench (built CLI)', () => {
  it('prints a sub-benchmark as JSON with the machine it ran on', async () => {
    const result = await factory('bench', 'startup', '--runs', '2', '--json');
    expect(result.exitCode, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.machine.node).toBe(process.version);
    expect(json.reports.map((report: { name: string }) => report.name)).toEqual(['startup']);
    expect(json.reports[0].figures[0]).toMatchObject({ id: 'version', stats: { n: 2 } });
    // --help beside --version: the CLI's own loading, with its goal as a ratio to bare node.
    expect(json.reports[0].figures[1]).toMatchObject({ id: 'help', label: 'factory --help', stats: { n: 2 } });
    expect(json.reports[0].goals).toContainEqual(
      expect.objectContaining({ label: 'factory --help / bare node', limit: 1.5 }),
    );
  });

  it('names the benchmarks when asked for one that does not exist, and checks its numbers', async () => {
    const unknown = await factory('bench', 'warp');
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain('no benchmark named "warp"; choose one of sandbox, round, startup');
    const few = await factory('bench', 'sandbox', '--runs', '5');
    expect(few.stderr).toContain('--runs 5: the sandbox benchmark needs at least 20 runs of each way');
    const bad = await factory('bench', 'round', '--rounds', '0');
    expect(bad.stderr).toContain('--rounds 0: expected a whole number of at least 1');
    const noTasks = await factory('bench', 'parallel', '--tasks', '0');
    expect(noTasks.stderr).toContain('--tasks 0: expected a whole number of at least 1');
    const badCalls = await factory('bench', 'parallel', '--calls-ms', 'soon');
    expect(badCalls.stderr).toContain('--calls-ms soon: expected a whole number of at least 1');
  });

  it('with no name runs every sub-benchmark it can and marks the others not measured, with why', {
    timeout: 300_000,
  }, async () => {
    // --runs 2 is too few for the sandbox benchmark alone: the others still run.
    const result = await factory(
      'bench',
      '--json',
      '--runs',
      '2',
      '--rounds',
      '1',
      '--files',
      '20',
      '--tasks',
      '1',
      '--calls-ms',
      '1',
    );
    expect(result.exitCode, result.stderr).toBe(0);
    const reports = (JSON.parse(result.stdout) as { reports: BenchReport[] }).reports;
    expect(reports.map((report) => report.name)).toEqual(['sandbox', 'round', 'startup', 'parallel']);
    expect(reports[0]).toMatchObject({ method: 'not measured', figures: [] });
    expect(reports[0]!.unavailable[0]!.reason).toBe(
      '--runs 2: the sandbox benchmark needs at least 20 runs of each way',
    );
    expect(reports[1]!.figures[0]).toMatchObject({ id: 'engine', stats: { n: 1 } });
    expect(reports[2]!.figures[0]).toMatchObject({ id: 'version', stats: { n: 2 } });
    expect(reports[3]!.figures[0]).toMatchObject({ id: 'wall-1', stats: { n: 2 } });
    const bad = await factory('bench', '--rounds', 'x');
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('--rounds x: expected a whole number of at least 1');
    expect(bad.stderr).not.toContain('factory bench: sandbox');
  });

  it.skipIf(!docker.engine)(
    `sandbox names an image that cannot be had${docker.skipReason ? ` (${docker.skipReason})` : ''}`,
    async () => {
      const result = await factory(
        'bench',
        'sandbox',
        '--runs',
        '20',
        '--no-cli',
        '--image',
        'factory-no-such-image:0',
      );
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain('SANDBOX_IMAGE=factory-no-such-image:0: not on the Docker engine');
    },
  );

  it('bench suite takes its own --json and the run flags, and refuses MODE=Dual', async () => {
    const out = path.join(home, 'results');
    const result = await factory(
      'bench',
      'suite',
      'bench/exercises/leap',
      '--engine',
      'scripted',
      '--sandbox',
      'local',
      '--json',
      '--out',
      out,
    );
    expect(result.exitCode, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.settings).toEqual({ AI_ENGINE: 'scripted', SANDBOX: 'local' });
    expect(json.totals).toMatchObject({ exercises: 1, solved: 1, medianRoundsToGreen: 1 });
    const dual = await factory('bench', 'suite', 'bench/exercises', '--mode', 'Dual');
    expect(dual.exitCode).toBe(1);
    expect(dual.stderr).toContain('MODE=Dual is not allowed');
  });

  it.skipIf(!docker.engine)(
    `sandbox: local unconfined and confined, persistent exec and run --rm side by side, with ratios and goals${docker.skipReason ? ` (${docker.skipReason})` : ''}`,
    { timeout: 300_000 },
    async () => {
      const result = await factory('bench', 'sandbox', '--json', '--no-cli', '--runs', '20', '--image', docker.image);
      expect(result.exitCode, result.stderr).toBe(0);
      const report = (JSON.parse(result.stdout) as { reports: BenchReport[] }).reports[0]!;
      expect(report.figures.map((figure) => figure.id)).toEqual([
        'local-true',
        'confined-true',
        'local-pytest',
        'confined-pytest',
        'local',
        'exec',
        'run-rm',
        'copy-first',
        'copy-sync',
        'copy-round',
        'mount-round',
      ]);
      // The copy sync's first sync of the whole project is timed fewer times than the rounds.
      for (const figure of report.figures.filter((entry) => entry.id !== 'copy-first')) {
        expect(figure.stats.n).toBe(20);
        expect(figure.stats.min).toBeGreaterThan(0);
        expect(figure.stats.median).toBeGreaterThanOrEqual(figure.stats.p25);
      }
      const median = (id: string) => report.figures.find((figure) => figure.id === id)!.stats.median;
      expect(report.ratios[1]!.value).toBeCloseTo(median('confined-pytest') / median('local-pytest'), 6);
      expect(report.ratios[2]!.value).toBeCloseTo(median('exec') / median('run-rm'), 6);
      expect(report.goals.map((entry) => entry.label)).toEqual([
        'a confined test run within 1.5× of an unconfined one',
        'exec at least 4× cheaper than docker run --rm',
        'exec median under 50 ms',
        'exec within 1.5× of a bare process',
        "a round's sync at most 2× the mount mode's round",
      ]);
    },
  );
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const factory = (...args: string[]) => execa(process.execPath, ['bin/factory.js', ...args], { reject: false, env: { FACTORY_HOME: home } });
let home: string;

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-bench-cli-'));
  await execa(process.execPath, ['scripts/build.mjs']);
});
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

describe('factory bench (built CLI)', () => {
  it('prints a sub-benchmark as JSON with the machine it ran on', async () => {
    const result = await factory('bench', 'startup', '--runs', '2', '--json');
    expect(result.exitCode, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.machine.node).toBe(process.version);
    expect(json.reports.map((report: { name: string }) => report.name)).toEqual(['startup']);
    expect(json.reports[0].figures[0]).toMatchObject({ id: 'version', stats: { n: 2 } });
  });

  it('names the benchmarks when asked for one that does not exist, and checks its numbers', async () => {
    const unknown = await factory('bench', 'warp');
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain('no benchmark named "warp"; choose one of round, startup');
    const bad = await factory('bench', 'round', '--rounds', '0');
    expect(bad.stderr).toContain('--rounds 0: expected a whole number of at least 1');
  });

  it('bench suite takes its own --json and the run flags, and refuses MODE=Dual', async () => {
    const out = path.join(home, 'results');
    const result = await factory('bench', 'suite', 'bench/exercises/leap', '--engine', 'scripted', '--sandbox', 'local', '--json', '--out', out);
    expect(result.exitCode, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.settings).toEqual({ AI_ENGINE: 'scripted', SANDBOX: 'local' });
    expect(json.totals).toMatchObject({ exercises: 1, solved: 1, medianRoundsToGreen: 1 });
    const dual = await factory('bench', 'suite', 'bench/exercises', '--mode', 'Dual');
    expect(dual.exitCode).toBe(1);
    expect(dual.stderr).toContain('MODE=Dual is not allowed');
  });
});

// `factory bench` through the real CLI: the dispatcher, and the sandbox benchmark's figures against a real Docker engine.
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import type { SandboxOverhead } from '../../../engine/bench/sandbox-overhead.js';
import { cliBundle } from '../../support/cli-bundle.js';
import { dockerForTests } from '../../support/docker-for-tests.js';

const factory = async (...args: string[]) => execa('node', [await cliBundle(), ...args], { reject: false });
const docker = await dockerForTests();

describe('factory bench', () => {
  it('lists the benchmarks, and names them when asked for one that does not exist', async () => {
    const list = await factory('bench');
    expect(list.exitCode).toBe(0);
    expect(list.stdout).toMatch(/^ {2}sandbox +/m);
    const unknown = await factory('bench', 'nope');
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toMatch(/no benchmark named "nope"; there are:\n {2}sandbox/);
  });

  it('refuses fewer than 20 runs', async () => {
    const result = await factory('bench', 'sandbox', '--runs', '5');
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toMatch(/--runs must be a whole number of at least 20/);
  });

  it.skipIf(!docker.engine)(`measures local, persistent exec and run --rm side by side${docker.skipReason ? ` (${docker.skipReason})` : ''}`, { timeout: 300_000 }, async () => {
    const result = await factory('bench', 'sandbox', '--json', '--no-cli', '--runs', '20', '--image', docker.image);
    expect(result.exitCode, result.stderr).toBe(0);
    const figures = JSON.parse(result.stdout) as SandboxOverhead;
    expect(figures.ways.map((way) => way.id)).toEqual(['local', 'exec', 'run-rm']);
    for (const way of figures.ways) {
      expect(way.stats.runs).toBe(20);
      expect(way.stats.minMs).toBeGreaterThan(0);
      expect(way.stats.medianMs).toBeGreaterThanOrEqual(way.stats.p25Ms);
      expect(way.stats.p75Ms).toBeGreaterThanOrEqual(way.stats.medianMs);
    }
    const median = (id: string) => figures.ways.find((way) => way.id === id)!.stats.medianMs;
    expect(figures.execVsRunRm).toBeCloseTo(median('run-rm') / median('exec'), 6);
    expect(figures.execVsLocal).toBeCloseTo(median('exec') / median('local'), 6);
  });
});

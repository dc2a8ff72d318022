// `factory bench tui` runs end to end on a real pseudo-terminal and reports every figure (the figures themselves are not judged here).
import path from 'node:path';
import { execa, execaSync } from 'execa';
import { describe, expect, it } from 'vitest';

const factoryBin = path.resolve(import.meta.dirname, '../../bin/factory.js');
const hasScript = execaSync('script', ['--version'], { reject: false }).exitCode === 0;
if (!hasScript && process.env.CI === 'true') throw new Error('CI=true but `script` (util-linux) is missing');

describe.skipIf(!hasScript)(`factory bench tui${hasScript ? '' : ' (skipped: no `script` command)'}`, () => {
  it('streams into a dashboard on a pty and prints frames, delay, CPU and memory', async () => {
    const { stdout, exitCode } = await execa('node', [factoryBin, 'bench', 'tui', '--seconds', '1', '--rate', '500'], {
      reject: false,
      timeout: 60_000,
    });
    expect(exitCode, stdout).toBe(0);
    expect(stdout).toMatch(/lines streamed {10}500; newest line drawn: 500\n/);
    const frames = Number(/frames rendered +(\d+)/.exec(stdout)?.[1]);
    expect(frames).toBeGreaterThan(1);
    expect(stdout).toMatch(/event-to-frame delay +max \d+ ms, median \d+ ms; frames later than 100 ms: \d+/);
    expect(stdout).toMatch(/dashboard CPU time +\d+\.\d\d s/);
    expect(stdout).toMatch(/peak RSS \d+ MB/);
    // '-' until the first full collection: a short run may see none before attaching.
    expect(stdout).toMatch(/heap after the latest full collection [-\d ]+ MB, external [\d ]+ MB/);
    expect(stdout).toMatch(/heap after full collections (not measured \(too short a run\)|[+-]\d+ MB), RSS/);
  });

  it('says what is wrong with a bad flag', async () => {
    const { stderr, exitCode } = await execa('node', [factoryBin, 'bench', 'tui', '--rate', 'fast'], { reject: false });
    expect(exitCode).toBe(1);
    expect(stderr).toContain('--rate is "fast"; it needs a positive number');
  });
});

// `factory tmux` opens four attached panes on one run in a new tmux session (a private tmux server via TMUX_TMPDIR).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { prepareDemoProject } from '../../source/commands/demo.js';
import { requirePytest } from '../support/python.js';
import { requireTmux } from '../support/tmux.js';

const factoryBin = path.resolve(import.meta.dirname, '../../bin/factory.js');
const skip = requireTmux() ?? requirePytest();
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-tmuxcmd-'));
const env = { TMUX_TMPDIR: root, FACTORY_HOME: path.join(root, 'home') };
const tmux = (...args: string[]) => execa('tmux', args, { env, reject: false });
afterAll(async () => {
  await tmux('kill-server');
  fs.rmSync(root, { recursive: true, force: true });
});

const containing = (text: string) => expect.stringContaining(text);

describe.skipIf(skip)(`factory tmux${skip ? ` (skipped: ${skip})` : ''}`, () => {
  // The waits below share one budget inside the test's own timeout: every pane is read each time, not one by one.
  it('lays out worker, tests, supervisor and diff panes that all follow the same run', {
    timeout: 180_000,
  }, async () => {
    const project = prepareDemoProject(path.join(root, 'project'));
    const { stdout, exitCode, stderr } = await execa(
      'node',
      [factoryBin, 'tmux', '--dir', project, '--session', 'fx', '--detached'],
      { env: { ...process.env, ...env, TMUX: '' }, reject: false },
    );
    expect(exitCode, stderr).toBe(0);
    expect(stdout).toContain('tmux session "fx" is ready');
    const panes = (await tmux('list-panes', '-t', 'fx', '-F', '#{pane_index}')).stdout.trim().split('\n');
    expect(panes).toEqual(['0', '1', '2', '3']);
    const titles: Record<string, string> = { '0': '1 Worker', '1': '3 Supervisor', '2': '2 Tests', '3': '4 Diff' };
    const screens = async () =>
      Promise.all(
        Object.keys(titles).map(async (pane) => (await tmux('capture-pane', '-p', '-t', `fx:0.${pane}`)).stdout),
      );
    await vi.waitFor(async () => expect(await screens()).toEqual(Object.values(titles).map(containing)), {
      timeout: 30_000,
      interval: 250,
    });
    await vi.waitFor(
      async () => expect(await screens()).toEqual(Object.values(titles).map(() => containing('run finished: green'))),
      { timeout: 120_000, interval: 500 },
    );
  });
});

// `factory tmux` opens four attached panes on one run in a new tmux session (a private tmux server via TMUX_TMPDIR);
// run from inside a tmux session no client is attached to, it says how to attach and exits 0; --windows gives each
// production line a window of its own, a dashboard following that line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { prepareDemoProject } from '../../source/commands/demo.js';
import { linesProject } from '../support/lines-project.js';
import { isRunning } from '../support/processes.js';
import { requirePytest } from '../support/python.js';
import { requireTmux } from '../support/tmux.js';

const factoryBin = path.resolve(import.meta.dirname, '../../bin/factory.js');
const skip = requireTmux() ?? requirePytest();
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-tmuxcmd-'));
const env = { TMUX_TMPDIR: root, FACTORY_HOME: path.join(root, 'home') };
const tmux = (...args: string[]) => execa('tmux', args, { env, reject: false });
// A second server of its own (-L), for the session that runs `factory tmux` from inside tmux.
const inner = `factory-nc-${process.pid}-${Date.now()}`;
afterAll(async () => {
  await tmux('kill-server');
  await tmux('-L', inner, 'kill-server');
  // A run a dashboard started goes on writing its records after its dashboard is gone: stop it before removing them.
  await execa('pkill', ['-f', root], { reject: false });
  await vi.waitFor(() => expect(isRunning(root)).toBe(false), { timeout: 20_000, interval: 200 });
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

  it('--windows opens one window per line (MAX_PARALLEL), each a dashboard following its own line', {
    timeout: 120_000,
  }, async () => {
    const streaming = (name: string) => ({
      delayMs: 150,
      say: Array.from({ length: 40 }, (_, n) => `${name} step ${n}`),
      write: { [`${name}.py`]: `def ${name}():\n    return 1\n` },
    });
    const testOf = (name: string) =>
      `from ${name} import ${name}\n\n\ndef test_${name}():\n    assert ${name}() == 1\n`;
    const project = linesProject({
      parallel: 2,
      tasks: ['Make alpha (tests: tests/test_alpha.py)', 'Make beta (tests: tests/test_beta.py)'],
      tests: { 'tests/test_alpha.py': testOf('alpha'), 'tests/test_beta.py': testOf('beta') },
      byTask: { 1: [streaming('alpha')], 2: [streaming('beta')] },
    });
    const { exitCode, stderr } = await execa(
      'node',
      [factoryBin, 'tmux', '--dir', project, '--session', 'fw', '--windows', '--detached'],
      { env: { ...process.env, ...env, TMUX: '' }, reject: false },
    );
    expect(exitCode, stderr).toBe(0);
    const windows = (await tmux('list-windows', '-t', 'fw', '-F', '#{window_name}')).stdout.trim().split('\n');
    expect(windows).toEqual(['line-1', 'line-2']);
    const screen = async (window: string) => (await tmux('capture-pane', '-p', '-t', `fw:${window}`)).stdout;
    await vi.waitFor(
      async () => {
        const [one, two] = [await screen('line-1'), await screen('line-2')];
        expect(one).toMatch(/› L1 task 1 Make alpha/);
        expect(one).toMatch(/alpha step \d+/);
        expect(one).not.toContain('beta step');
        expect(two).toMatch(/› L2 task 2 Make beta/);
        expect(two).toMatch(/beta step \d+/);
        expect(two).not.toContain('alpha step');
      },
      { timeout: 30_000, interval: 250 },
    );
    await vi.waitFor(
      async () => {
        for (const window of windows) expect(await screen(window)).toContain('run finished: green');
      },
      { timeout: 90_000, interval: 500 },
    );
  });

  it('from inside a tmux session with no attached client, makes the panes, says how to attach and exits 0', async () => {
    const project = prepareDemoProject(path.join(root, 'inner-project'));
    const command = `node ${factoryBin} tmux --dir ${project} --session fy; echo "factory exit=$?"; sleep 300`;
    const started = await tmux(
      '-L',
      inner,
      '-f',
      '/dev/null',
      'new-session',
      '-d',
      '-s',
      'outer',
      '-x',
      '250',
      '-y',
      '20',
      command,
    );
    expect(started.exitCode, started.stderr).toBe(0);
    const socket = path.join(root, `tmux-${process.getuid?.() ?? 0}`, inner);
    const screen = async (): Promise<string> =>
      (await tmux('-L', inner, 'capture-pane', '-p', '-J', '-t', 'outer')).stdout;
    await vi.waitFor(async () => expect(await screen()).toContain('factory exit='), { timeout: 30_000, interval: 250 });
    const shown = await screen();
    expect(shown).toContain('factory exit=0');
    expect(shown).not.toContain('internal error');
    expect(shown).toContain(
      `tmux session "fy" is ready (no tmux client is attached here): tmux -S '${socket}' attach -t 'fy'`,
    );
    const panes = (await tmux('-L', inner, 'list-panes', '-t', 'fy', '-F', '#{pane_index}')).stdout.trim().split('\n');
    expect(panes).toEqual(['0', '1', '2', '3']);
  });
});

// `factory tui` refuses clearly what it cannot do: an unknown pane, line or theme, or no terminal; `factory tmux` a
// window count that is no count.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

const factoryBin = path.resolve(import.meta.dirname, '../../bin/factory.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-tui-cmd-'));
const factory = (...args: string[]) =>
  execa('node', [factoryBin, ...args], { cwd: dir, reject: false, env: { FACTORY_HOME: path.join(dir, 'home') } });

describe('factory tui refusals', () => {
  it('names the allowed panes, lines, window counts and themes', async () => {
    const pane = await factory('tui', '--pane', 'logs');
    expect(pane.exitCode).toBe(1);
    expect(pane.stderr).toContain('--pane is "logs"; allowed: worker, tests, supervisor, diff');
    const line = await factory('tui', '--line', 'two');
    expect(line.exitCode).toBe(1);
    expect(line.stderr).toContain('--line is "two"; allowed: a line\'s place, 1 to 99');
    const windows = await factory('tmux', '--windows', '0', '--detached');
    expect(windows.exitCode).toBe(1);
    expect(windows.stderr).toContain('--windows is "0"; allowed: a count of windows, 1 to 99 (or none: MAX_PARALLEL)');
    const theme = await factory('tui', '--theme', 'neon');
    expect(theme.stderr).toContain('--theme is "neon"; allowed: dark, light, high-contrast');
  });

  it('saves a theme for later runs only when one is named', async () => {
    expect((await factory('tui', '--save-theme')).stderr).toContain('--save-theme keeps the theme named by --theme');
    await factory('tui', '--theme', 'light', '--save-theme');
    const saved = JSON.parse(fs.readFileSync(path.join(dir, 'home', 'config.json'), 'utf8')) as { theme?: string };
    expect(saved.theme).toBe('light');
  });

  it('needs a terminal, and points to factory run instead', async () => {
    const result = await factory('tui');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('factory tui needs a terminal; use `factory run`');
    expect(fs.existsSync(path.join(dir, '.factory'))).toBe(false);
  });
});

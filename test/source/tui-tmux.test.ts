// The dashboard in a real terminal: tmux runs `factory demo` and an attached `factory tui --pane diff`; keys pause, redirect, resume, quit.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { requirePytest } from '../support/python.js';
import { requireTmux, Tmux } from '../support/tmux.js';

const factoryBin = path.resolve(import.meta.dirname, '../../bin/factory.js');
const skip = requireTmux() ?? requirePytest();
const tmux = new Tmux();
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-tmux-'));
afterAll(async () => {
  await tmux.kill();
  fs.rmSync(root, { recursive: true, force: true });
});

const quote = (word: string): string => `'${word.replaceAll("'", "'\\''")}'`;
const factory = (args: string): string =>
  `env FACTORY_HOME=${quote(path.join(root, 'home'))} ${quote(process.execPath)} ${quote(factoryBin)} ${args}`;
const until = async (target: string, text: string, timeout = 30_000): Promise<string> =>
  vi.waitFor(
    async () => {
      const screen = await tmux.screen(target);
      expect(screen).toContain(text);
      return screen;
    },
    { timeout, interval: 200 },
  );

describe.skipIf(skip)(`factory tui in tmux${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('shows the panes, pauses, takes a redirect into the next prompt, resumes, and restores the terminal on quit', async () => {
    if (!fs.existsSync(path.resolve(import.meta.dirname, '../../dist/cli.js')))
      throw new Error('dist/ is missing: run npm run build (npm test does)');
    const project = path.join(root, 'demo');
    await tmux.start('main', `${factory(`demo --dir ${quote(project)}`)}; echo "factory exited with $?"; sleep 600`);
    const first = await until('main', 'p pause/resume');
    for (const title of ['1 Worker', '2 Tests', '3 Supervisor', '4 Diff', 'RUNNING']) expect(first).toContain(title);
    expect(await tmux.alternateScreen('main')).toBe(true);
    await tmux.keys('main', 'p');

    // A second dashboard, attached to the same run, showing only the diff.
    await vi.waitFor(() => expect(fs.existsSync(path.join(project, '.factory', 'attach.json'))).toBe(true), {
      timeout: 20_000,
    });
    await tmux.start('diff', factory(`tui --dir ${quote(project)} --pane diff`), { columns: 90, rows: 20 });
    await until('diff', '4 Diff');

    const paused = await until('main', 'PAUSED (human)');
    expect(paused).toContain('p resume');
    await until('diff', 'PAUSED');
    await tmux.keys('main', 'r');
    await until('main', 'redirect ›');
    await tmux.type('main', 'use the helper please');
    await until('main', 'redirect › use the helper please');
    await tmux.keys('main', 'Enter');
    await until('main', 'you redirect: use the helper please');
    await tmux.keys('main', 'p');
    await until('main', 'RUNNING');

    const prompts = path.join(project, '.factory', 'prompts');
    const prompt = await vi.waitFor(
      () => {
        const found = fs
          .readdirSync(prompts)
          .map((name) => fs.readFileSync(path.join(prompts, name), 'utf8'))
          .find((text) => text.includes('- use the helper please'));
        expect(found).toBeDefined();
        return found!;
      },
      { timeout: 30_000, interval: 200 },
    );
    expect(prompt).toContain('## Instructions for this round');
    await until('diff', '+++ b/weather/convert.py');

    await tmux.keys('main', 'q');
    await until('main', 'The run is still going');
    await tmux.keys('main', 'k');
    const after = await until('main', 'factory exited with 0');
    expect(after).toContain('the run goes on headless');
    expect(after).not.toContain('1 Worker');
    expect(await tmux.alternateScreen('main')).toBe(false);

    // The run went on without the first dashboard; the attached one sees it end green.
    await until('diff', 'run finished: green', 60_000);
  });
});

// `factory demo` in a real terminal shows the local-model indicator move: the architect loads, plans and unloads; the
// coder and then the reviewer load and stay resident, with the VRAM they use out of VRAM_BUDGET_GB.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { requirePytest } from '../support/python.js';
import { requireTmux, Tmux } from '../support/tmux.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const skip = requireTmux() ?? requirePytest();
const tmux = new Tmux();
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-demo-models-'));
afterAll(async () => {
  await tmux.kill();
  fs.rmSync(root, { recursive: true, force: true });
});

const quote = (word: string): string => `'${word.replaceAll("'", "'\\''")}'`;
const spinner = '[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]';
const session = `demo-models-${process.pid}`;
/** The status bar (the screen's first line) once it matches. */
const until = async (pattern: RegExp, timeout = 120_000): Promise<string> =>
  vi.waitFor(
    async () => {
      const screen = await tmux.screen(session);
      const line = screen.split('\n')[0] ?? '';
      expect(line, screen).toMatch(pattern);
      return line;
    },
    { timeout, interval: 100 },
  );

describe.skipIf(skip)(`factory demo's model indicator in tmux${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('shows the architect loading, loaded while it plans and unloading, then the coder and the reviewer resident', async () => {
    if (!fs.existsSync(path.join(repoRoot, 'dist/cli.js')))
      throw new Error('dist/ is missing: run npm run build (npm test does)');
    const factory = `env FACTORY_HOME=${quote(path.join(root, 'home'))} ${quote(process.execPath)} ${quote(path.join(repoRoot, 'bin/factory.js'))}`;
    await tmux.start(session, `${factory} demo --dir ${quote(path.join(root, 'demo'))}; sleep 600`, {
      columns: 120,
      rows: 30,
    });
    const loading = await until(new RegExp(`^ RUNNING .* ${spinner} architect (qwen2\\.5:72b )?loading`));
    expect(loading).toContain('VRAM 0.0G/48.0G');
    // Loaded while it plans (the recorded architect takes 1.5 s): 47.0 GB of VRAM out of the 48 GiB budget.
    const planning = await until(/^ RUNNING .* ● architect (qwen2\.5:72b )?loaded/);
    expect(planning).toContain('VRAM 43.8G/48.0G');
    await until(new RegExp(`^ RUNNING .* ${spinner} architect (qwen2\\.5:72b )?unloading`));
    const coder = await until(/^ RUNNING .* ● coder (qwen2\.5-coder:32b )?loaded/);
    expect(coder).not.toContain('architect');
    expect(coder).toContain('VRAM 18.5G/48.0G');
    const finished = await until(/^ FINISHED {2}/, 240_000);
    expect(finished).toMatch(/● coder (\S+ )?loaded( ·)? ● reviewer (\S+ )?loaded/);
    expect(finished).toMatch(/VRAM 26\.9G?\/48\.0G/);
    expect(finished).not.toContain('architect');
    await tmux.keys(session, 'q');
  }, 420_000);
});

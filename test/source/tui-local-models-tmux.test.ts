// `factory tui` in a real terminal against a loopback Ollama: the whole badge, the coder's model with its state and
// `VRAM <used>/<total>` on the status bar at 120x30 (with the model's name) and 80x24 (shortened there), and FINISHED
// at the end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type OllamaServer, startOllamaServer } from '../support/ollama-server.js';
import { createPytestProject } from '../support/pytest-project.js';
import { requirePytest } from '../support/python.js';
import { requireTmux, Tmux } from '../support/tmux.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const skip = requireTmux() ?? requirePytest();
const tmux = new Tmux();
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-tui-ollama-'));
const servers: OllamaServer[] = [];
const fix = 'calc.py\n```python\n<<<<<<< SEARCH\n    return 0\n=======\n    return a + b\n>>>>>>> REPLACE\n```\n';

afterAll(async () => {
  await tmux.kill();
  await Promise.all(servers.map((server) => server.close()));
  fs.rmSync(home, { recursive: true, force: true });
});

const quote = (word: string): string => `'${word.replaceAll("'", "'\\''")}'`;
const statusBar = async (session: string): Promise<string> => (await tmux.screen(session)).split('\n')[0] ?? '';
const until = async (session: string, pattern: RegExp, timeout = 90_000): Promise<string> =>
  vi.waitFor(
    async () => {
      const line = await statusBar(session);
      expect(line, await tmux.screen(session)).toMatch(pattern);
      return line;
    },
    { timeout, interval: 100 },
  );

/** The coder's 32b model (19.9 GB, all in VRAM) takes 2 s to load; the answer streams for a second or so. */
async function startRun(session: string, size: { columns: number; rows: number }): Promise<void> {
  const server = await startOllamaServer({
    models: [{ name: 'qwen2.5-coder:32b', size: 19_900_000_000 }],
    answers: [fix],
    loadMs: 2000,
    chunkSize: 8,
    chunkDelayMs: 100,
  });
  servers.push(server);
  const dir = await createPytestProject({
    AI_ENGINE: 'ollama',
    CODER_MODEL: 'qwen2.5-coder:32b',
    OLLAMA_HOST: server.url,
    VRAM_BUDGET_GB: '48',
  });
  const factory = `env FACTORY_HOME=${quote(home)} ${quote(process.execPath)} ${quote(path.join(repoRoot, 'bin/factory.js'))}`;
  await tmux.start(session, `${factory} tui --dir ${quote(dir)}; sleep 600`, size);
}

describe.skipIf(skip)(`factory tui on local models in tmux${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('at 120x30: the whole badge, the model loading then loaded, VRAM used/total, FINISHED', async () => {
    const session = `ollama-120-${process.pid}`;
    await startRun(session, { columns: 120, rows: 30 });
    const loading = await until(session, / RUNNING .*[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] coder (qwen2\.5-coder:32b )?loading/);
    console.log(`120 loading |${loading}|`);
    expect(loading).toMatch(/^ RUNNING {2}/);
    expect(loading).toContain('VRAM 0.0G/48.0G');
    const loaded = await until(session, /● coder (qwen2\.5-coder:32b )?loaded/);
    console.log(`120 loaded |${loaded}|`);
    expect(loaded).toContain('VRAM 18.5G/48.0G');
    const finished = await until(session, /^ FINISHED {2}/);
    console.log(`120 finished |${finished}|\n${await tmux.screen(session)}`);
    expect(finished).toContain('● coder qwen2.5-coder:32b loaded · VRAM 18.5G/48.0G');
    await tmux.keys(session, 'q');
  }, 240_000);

  it('at 80x24: the same, shortened', async () => {
    const session = `ollama-80-${process.pid}`;
    await startRun(session, { columns: 80, rows: 24 });
    const loading = await until(session, /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] coder loading/);
    console.log(`80 loading |${loading}|`);
    expect(loading).toMatch(/^ RUNNING {2}t-\/1 r0\/- · f0 i0 · \d\d:\d\d · \$0\.00 · /);
    expect(loading).toMatch(/ coder loading · VRAM 0\.0G\/48\.0G$/);
    const finished = await until(session, /^ FINISHED {2}/);
    console.log(`80 finished |${finished}|\n${await tmux.screen(session)}`);
    // The model's name gives way here (the task, streaks and sandbox first), its state and the VRAM stay.
    expect(finished).toMatch(/^ FINISHED {2}t1\/1 r1\/4 · .* · ● coder loaded · VRAM 18\.5G\/48\.0G$/);
    await tmux.keys(session, 'q');
  }, 240_000);
});

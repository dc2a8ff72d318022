// Production lines in a real terminal: `factory tui` on a run of two independent tasks at MAX_PARALLEL=2 whose
// scripted workers stream for seconds, at 120x30 and 80x24: the lines strip shows both lines, > switches the Worker
// pane to the other line's stream, a redirect typed there goes into that line's next prompt only, and the run ends
// green.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { linesProject } from '../support/lines-project.js';
import { requirePytest } from '../support/python.js';
import { requireTmux, Tmux } from '../support/tmux.js';

const factoryBin = path.resolve(import.meta.dirname, '../../bin/factory.js');
const skip = requireTmux() ?? requirePytest();
const tmux = new Tmux();
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-lines-tmux-'));
afterAll(async () => {
  await tmux.kill();
  fs.rmSync(home, { recursive: true, force: true });
});

const quote = (word: string): string => `'${word.replaceAll("'", "'\\''")}'`;
const factory = (args: string): string =>
  `env FACTORY_HOME=${quote(home)} ${quote(process.execPath)} ${quote(factoryBin)} ${args}`;
const until = async (target: string, test: (screen: string) => void, timeout = 30_000): Promise<string> =>
  vi.waitFor(
    async () => {
      const screen = await tmux.screen(target);
      test(screen);
      return screen;
    },
    { timeout, interval: 200 },
  );
const showing = (text: string) => (screen: string) => expect(screen).toContain(text);

/** The Worker pane's rows: the left half of the rows under its title, down to its bottom border. */
function workerPane(screen: string, columns: number): string {
  const rows = screen.split('\n');
  const top = rows.findIndex((row) => row.includes('1 Worker'));
  const below = rows.slice(top).findIndex((row) => row.startsWith('╚'));
  return rows
    .slice(top, top + below)
    .map((row) => row.slice(0, Math.ceil(columns / 2)))
    .join('\n');
}

// Each task's worker streams a line every 150 ms for about 9 s (beta's first round 15 s, time for the redirect to
// come before its second), then writes its function: the lines overlap.
const streaming = (name: string, value = 1, steps = 60) => ({
  delayMs: 150,
  say: Array.from({ length: steps }, (_, n) => `${name} step ${n}`),
  write: { [`${name}.py`]: `def ${name}():\n    return ${value}\n` },
});
/** The prompts the run built, by task, from its events log. */
const prompts = (dir: string): { task: number; prompt: string }[] =>
  fs
    .readFileSync(path.join(dir, '.factory', 'events.ndjson'), 'utf8')
    .split('\n')
    .filter((line) => line.includes('"prompt:built"'))
    .map((line) => JSON.parse(line) as { task: number; prompt: string });
const testOf = (name: string) => `from ${name} import ${name}\n\n\ndef test_${name}():\n    assert ${name}() == 1\n`;

describe.skipIf(skip)(`factory tui with two production lines${skip ? ` (skipped: ${skip})` : ''}`, () => {
  for (const [columns, rows] of [
    [120, 30],
    [80, 24],
  ] as const)
    it(`shows the lines strip at ${columns}x${rows}, and > switches the Worker pane to the other line, which a redirect reaches`, {
      timeout: 120_000,
    }, async () => {
      if (!fs.existsSync(path.resolve(import.meta.dirname, '../../dist/cli.js')))
        throw new Error('dist/ is missing: run npm run build (npm test does)');
      const dir = linesProject({
        parallel: 2,
        tasks: ['Make alpha (tests: tests/test_alpha.py)', 'Make beta (tests: tests/test_beta.py)'],
        tests: { 'tests/test_alpha.py': testOf('alpha'), 'tests/test_beta.py': testOf('beta') },
        // Beta's first round is red: the redirect goes into its second.
        byTask: {
          1: [streaming('alpha')],
          2: [streaming('beta', 0, 100), { say: ['beta again'], write: streaming('beta').write }],
        },
      });
      const session = `lines${columns}`;
      await tmux.start(session, `${factory(`tui --dir ${quote(dir)}`)}; echo "factory exited with $?"; sleep 600`, {
        columns,
        rows,
      });
      // Both lines in the strip, the first one selected; its stream in the Worker pane, not the other's.
      const first = await until(session, (screen) => {
        expect(screen).toMatch(/› L1 task 1 Make alpha/);
        expect(screen).toMatch(/ {2}L2 task 2 Make beta/);
        expect(workerPane(screen, columns)).toMatch(/alpha step \d+/);
      });
      expect(workerPane(first, columns)).not.toContain('beta step');
      for (const row of first.split('\n')) expect([...row].length).toBeLessThanOrEqual(columns);
      if (columns >= 120) expect(first).toContain('lines 2 running, 0 green');

      await tmux.type(session, '>');
      const second = await until(session, (screen) => {
        expect(screen).toMatch(/› L2 task 2 Make beta/);
        expect(workerPane(screen, columns)).toMatch(/beta step \d+/);
      });
      expect(workerPane(second, columns)).not.toContain('alpha step');
      expect(second).toContain('task 2: Make beta');
      await tmux.type(session, 'r');
      await until(session, showing('redirect task 2 ›'));
      await tmux.type(session, 'beta only please');
      // Enter once the text is in: text and Enter read in one go would be taken as one pasted string.
      await until(session, showing('redirect task 2 › beta only please'));
      await tmux.keys(session, 'Enter');
      await until(session, showing('redirect sent to task 2'));

      // The badge: the banner keeps the redirect's notice until the next key.
      await until(session, showing(' FINISHED '), 90_000);
      const redirected = prompts(dir).filter(({ prompt }) => prompt.includes('- beta only please'));
      expect(redirected.map(({ task }) => task)).toEqual([2]);
      const done = await tmux.screen(session);
      expect(done).toMatch(/L1 task 1 Make alpha.*green/);
      expect(done).toMatch(/L2 task 2 Make beta.*green/);
      await tmux.type(session, 'q');
      await until(session, showing('factory exited with 0'));
    });
});

// The false green of issue 15 with the real Claude Code CLI against a scripted model: the task names the user's test
// file, the model rewrites it into a trivial pass and adds a pytest.ini that ignores it. Never green; then the honest
// fix is.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { claudeEnv, skipWithout } from '../../support/agent-clis.js';
import { startAnthropicServer, type ScriptedServer } from '../../support/anthropic-server.js';
import { factoryBin, parseEvents } from '../../support/cli.js';
import { ofType } from '../../support/engine.js';
import { makeProject, read, rightAdd, wrongAdd } from '../../support/project.js';
import { pytestCommand } from '../../support/python.js';

const claude = skipWithout('claude');
let server: ScriptedServer | undefined;
afterEach(async () => void (await server?.close()));

describe("the user's own tests with the claude worker", () => {
  it.skipIf(claude.skip)(
    `a rewritten test and an --ignore pytest.ini never go green${claude.title}`,
    { timeout: 300_000 },
    async () => {
      const testCmd = `PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 ${pytestCommand().replace(' -rA', '')}`;
      const dir = makeProject({
        config: { AI_ENGINE: 'claude', MODE: 'Single', PLAN: 'false', TEST_CMD: testCmd, MAX_ROUNDS: '3' },
        files: { 'calc.py': wrongAdd },
      });
      const test = path.join(dir, 'tests', 'test_calc.py');
      const original = read(dir, 'tests/test_calc.py');
      server = await startAnthropicServer([
        { tools: [{ name: 'Read', input: { file_path: test } }] },
        { tools: [{ name: 'Write', input: { file_path: test, content: 'def test_ok():\n    assert True\n' } }] },
        {
          tools: [
            {
              name: 'Write',
              input: {
                file_path: path.join(dir, 'pytest.ini'),
                content: '[pytest]\naddopts = --ignore=tests/test_calc.py\n',
              },
            },
          ],
        },
        {
          tools: [
            {
              name: 'Write',
              input: { file_path: path.join(dir, 'test_dummy.py'), content: 'def test_dummy():\n    assert True\n' },
            },
          ],
        },
        { text: 'All tests pass now.' },
        { tools: [{ name: 'Read', input: { file_path: path.join(dir, 'calc.py') } }] },
        { tools: [{ name: 'Write', input: { file_path: path.join(dir, 'calc.py'), content: rightAdd } }] },
        { text: 'Fixed add.' },
      ]);
      const env = {
        ...claudeEnv(server.url),
        FACTORY_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'factory-defaults-')),
      };
      const run = await execa('node', [factoryBin, 'run', '--json'], { cwd: dir, env, reject: false });
      const events = parseEvents(run.stdout);

      expect(
        ofType(events, 'round:finished').map((event) => event.record.green),
        run.stderr,
      ).toEqual([false, true]);
      expect(run.exitCode).toBe(0);
      // Claude Code itself refused the locked test (a deny rule); factory removed the runner configuration it wrote.
      expect(
        ofType(events, 'agent:edit')
          .filter((event) => event.action === 'refused')
          .map((event) => event.path),
      ).toEqual(['tests/test_calc.py']);
      expect(
        ofType(events, 'guard:violation').map((event) => [event.round, event.path, event.kind, event.what]),
      ).toEqual([[1, 'pytest.ini', 'created', 'config']]);
      expect(read(dir, '.factory/prompts/round_2.md')).toContain(
        'Test-runner configuration pytest.ini was created: removed',
      );
      expect(read(dir, 'tests/test_calc.py')).toBe(original);
      expect(fs.existsSync(path.join(dir, 'pytest.ini'))).toBe(false);
      // Round 1 ran the user's real test, which failed.
      expect(ofType(events, 'round:finished')[0]!.record.tests.tests['tests/test_calc.py::test_add']).toBe('failed');
    },
  );
});

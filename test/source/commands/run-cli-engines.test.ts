// `factory run` itself (the built CLI) with AI_ENGINE=gemini and SUPERVISOR=claude from factory_config.md: the real CLIs, scripted servers, red to green.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { claudeEnv, geminiEnv, skipWithout } from '../../support/agent-clis.js';
import { startAnthropicServer, type ScriptedServer } from '../../support/anthropic-server.js';
import { factoryBin, parseEvents } from '../../support/cli.js';
import { ofType } from '../../support/engine.js';
import { startGeminiServer } from '../../support/gemini-server.js';
import { makeProject, read, rightAdd, wrongAdd } from '../../support/project.js';

const gemini = skipWithout('gemini');
const claude = skipWithout('claude');
const servers: ScriptedServer[] = [];
afterEach(async () => void (await Promise.all(servers.splice(0).map((server) => server.close()))));

describe('factory run with the CLI engines', () => {
  it.skipIf(gemini.skip || claude.skip)(
    `a gemini worker redirected by a claude supervisor goes green${gemini.title}${claude.title}`,
    { timeout: 180_000 },
    async () => {
      expect(
        fs.existsSync(path.resolve(path.dirname(factoryBin), '../dist/cli.js')),
        'dist/cli.js is missing: run `npm run build` (npm test does)',
      ).toBe(true);
      const dir = makeProject({
        config: { AI_ENGINE: 'gemini', SUPERVISOR: 'claude', MODE: 'Single', PLAN: 'false' },
        files: { 'calc.py': wrongAdd },
      });
      const geminiServer = await startGeminiServer([
        {
          text: 'Adding a note.',
          calls: [{ name: 'write_file', args: { file_path: path.join(dir, 'NOTES.md'), content: 'todo\n' } }],
        },
        { text: 'Noted.' },
        {
          text: 'Fixing add.',
          calls: [{ name: 'write_file', args: { file_path: path.join(dir, 'calc.py'), content: rightAdd } }],
        },
        { text: 'Fixed.' },
      ]);
      const claudeServer = await startAnthropicServer([
        {
          text: JSON.stringify({
            decision: 'REDIRECT',
            reason: 'notes do not fix tests',
            instructions: 'Edit calc.py so add returns a + b',
          }),
        },
      ]);
      servers.push(geminiServer, claudeServer);

      // One HOME for both CLIs: gemini's, which holds its settings file; private factory user defaults.
      const env = {
        ...claudeEnv(claudeServer.url),
        ...geminiEnv(geminiServer.url),
        FACTORY_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'factory-defaults-')),
      };
      const run = await execa('node', [factoryBin, 'run', '--json'], { cwd: dir, env, reject: false });

      const events = parseEvents(run.stdout);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(ofType(events, 'run:started')[0]?.engine).toBe('gemini');
      expect(ofType(events, 'verdict:issued').map((event) => event.verdict.decision)).toEqual(['REDIRECT']);
      expect(read(dir, '.factory/prompts/round_2.md')).toContain('Edit calc.py so add returns a + b');
      expect(ofType(events, 'round:finished').map((event) => event.record.green)).toEqual([false, true]);
      expect(read(dir, 'calc.py')).toBe(rightAdd);
    },
  );
});

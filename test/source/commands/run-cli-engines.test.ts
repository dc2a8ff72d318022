// `factory run` itself (the built CLI) with AI_ENGINE=gemini and SUPERVISOR=claude from factory_config.md: the real CLIs, scripted servers, red to green.
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { renderConfigTemplate } from '../../../engine/project/config-template.js';
import type { FactoryEvent } from '../../../engine/events.js';
import { claudeEnv, geminiEnv, skipWithout } from '../../support/agent-clis.js';
import { startAnthropicServer, type ScriptedServer } from '../../support/anthropic-server.js';
import { eventsOf } from '../../support/events-of.js';
import { startGeminiServer } from '../../support/gemini-server.js';
import { fixedCalc, makePythonProject, pytestCommand } from '../../support/python-project.js';

const gemini = skipWithout('gemini');
const claude = skipWithout('claude');
const servers: ScriptedServer[] = [];
afterEach(async () => void (await Promise.all(servers.splice(0).map((server) => server.close()))));

describe('factory run with the CLI engines', () => {
  it.skipIf(gemini.skip || claude.skip)(`a gemini worker redirected by a claude supervisor goes green${gemini.title}${claude.title}`, { timeout: 180_000 }, async () => {
    expect(fs.existsSync('dist/cli.js'), 'dist/cli.js is missing: run `npm run build` (npm test does)').toBe(true);
    const dir = makePythonProject({ 'factory_config.md': renderConfigTemplate({ AI_ENGINE: 'gemini', SUPERVISOR: 'claude', MODE: 'Single', SANDBOX: 'local', TEST_CMD: pytestCommand }) });
    const calc = path.join(dir, 'calc.py');
    const geminiServer = await startGeminiServer([
      { text: 'Adding a note.', calls: [{ name: 'write_file', args: { file_path: path.join(dir, 'NOTES.md'), content: 'todo\n' } }] },
      { text: 'Noted.' },
      { text: 'Fixing add.', calls: [{ name: 'write_file', args: { file_path: calc, content: fixedCalc } }] },
      { text: 'Fixed.' },
    ]);
    const claudeServer = await startAnthropicServer([{ text: JSON.stringify({ decision: 'REDIRECT', reason: 'notes do not fix tests', instructions: 'Edit calc.py so add returns a + b' }) }]);
    servers.push(geminiServer, claudeServer);

    // One HOME for both CLIs: gemini's, which holds its settings file.
    const run = await execa('node', ['bin/factory.js', 'run', '-C', dir, '--json'], { env: { ...claudeEnv(claudeServer.url), ...geminiEnv(geminiServer.url) }, reject: false });

    const events = run.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as FactoryEvent);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(eventsOf(events, 'run:started')[0]?.engine).toBe('gemini');
    expect(eventsOf(events, 'verdict:issued').map((event) => event.verdict.decision)).toEqual(['REDIRECT']);
    expect(fs.readFileSync(path.join(dir, '.factory', 'prompts', 'round_2.md'), 'utf8')).toContain('Edit calc.py so add returns a + b');
    expect(eventsOf(events, 'round:finished').map((event) => event.record.green)).toEqual([false, true]);
    expect(fs.readFileSync(calc, 'utf8')).toBe(fixedCalc);
  });
});

// The home a gemini worker call gets for factory's tools: the user's settings (read as Gemini CLI reads them) with
// factory's server as the only MCP server, or a clear error when those settings are broken, as Gemini CLI would give.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ToolServer } from '../../../../engine/agents/cli/cli-engine.js';
import { geminiToolsEnv } from '../../../../engine/agents/gemini/gemini-args.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const tools: ToolServer = { command: 'node', args: ['factory', 'mcp-server'], tools: ['run_tests'] };

/** A user home whose .gemini/settings.json holds `settings`, and a scratch folder for the call. */
function userWith(settings: string): { home: string; scratch: string; file: string } {
  const [home, scratch] = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'factory-gemini-env-')));
  dirs.push(home!, scratch!);
  fs.mkdirSync(path.join(home!, '.gemini'));
  fs.writeFileSync(path.join(home!, '.gemini', 'oauth_creds.json'), '{}');
  const file = path.join(home!, '.gemini', 'settings.json');
  fs.writeFileSync(file, settings);
  return { home: home!, scratch: scratch!, file };
}

describe('gemini tools home', () => {
  it("keeps the user's settings, comments and all, with factory's server as the only MCP server", () => {
    const { home, scratch } = userWith(
      [
        "// the user's own",
        '{',
        '  "security": { "auth": { "selectedType": "oauth-personal" } }, // login',
        '  /* a proxy */ "proxy": "http://proxy:8080",',
        '  "mcpServers": { "theirs": { "command": "their-server" } }',
        '}',
      ].join('\n'),
    );
    const env = geminiToolsEnv(scratch, tools, { HOME: home });
    const dir = path.join(env.GEMINI_CLI_HOME ?? '', '.gemini');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8'))).toEqual({
      security: { auth: { selectedType: 'oauth-personal' } },
      proxy: 'http://proxy:8080',
      mcpServers: {
        factory: { command: 'node', args: ['factory', 'mcp-server'], trust: true, includeTools: ['run_tests'] },
      },
    });
    expect(fs.readlinkSync(path.join(dir, 'oauth_creds.json'))).toBe(path.join(home, '.gemini', 'oauth_creds.json'));
  });

  it('refuses settings that do not parse, naming the file and what is wrong', () => {
    const { home, scratch, file } = userWith('{ "ui": { "theme": "x", }');
    expect(() => geminiToolsEnv(scratch, tools, { HOME: home })).toThrow(
      new RegExp(`settings file ${file} does not read \\(.*JSON.*\\); Gemini CLI refuses it too`),
    );
  });

  it('refuses settings that are not a JSON object', () => {
    const { home, scratch, file } = userWith('["ui"]');
    expect(() => geminiToolsEnv(scratch, tools, { HOME: home })).toThrow(`${file} does not read (not a JSON object)`);
  });
});

// Command lines for `gemini -p`: the worker streams with edits approved without asking (`auto_edit`, not
// `--yolo`) under a deny policy; the planning roles and the supervisor run in plan (read-only) mode.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { WorkerRequest } from '../agent.js';
import type { ToolServer } from '../cli/cli-engine.js';
import { writeReadOnlyPolicy, writeWorkerPolicy } from './gemini-policy.js';
import { userSettings } from './gemini-settings.js';

/**
 * Headless in a folder it has never seen, Gemini CLI refuses to work unless the folder is trusted: the factory's
 * project is.
 */
const trust = '--skip-trust';

export function geminiWorkerArgs(request: WorkerRequest, scratchDir: string, tools?: ToolServer): string[] {
  const policy = request.readOnly
    ? writeReadOnlyPolicy(scratchDir)
    : writeWorkerPolicy(scratchDir, request.projectDir, request.lockedPaths, tools?.tools ?? []);
  const mode = request.readOnly ? 'plan' : 'auto_edit';
  const args = [
    '-p',
    request.prompt,
    '--output-format',
    'stream-json',
    '--approval-mode',
    mode,
    trust,
    '--policy',
    policy,
  ];
  // Only factory's server: the user's own MCP servers would run on the host, outside the sandbox.
  if (tools) args.push('--allowed-mcp-server-names', 'factory');
  if (request.model) args.push('--model', request.model);
  return args;
}

/**
 * Gemini CLI reads MCP servers from its settings files only, and takes a system settings file only when root owns it:
 * so the call gets a home of its own (GEMINI_CLI_HOME) whose .gemini links to everything of the user's (login, trusted
 * folders) but settings.json, which is the user's with factory's server as the only MCP server.
 */
export function geminiToolsEnv(
  scratchDir: string,
  tools: ToolServer,
  env: Record<string, string | undefined>,
): Record<string, string> {
  const userDir = path.join(env.GEMINI_CLI_HOME || env.HOME || os.homedir(), '.gemini');
  const own = userSettings(path.join(userDir, 'settings.json'));
  const home = path.join(scratchDir, 'gemini-home');
  const dir = path.join(home, '.gemini');
  fs.mkdirSync(dir, { recursive: true });
  const entries = fs.existsSync(userDir) ? fs.readdirSync(userDir) : [];
  for (const entry of entries.filter((name) => name !== 'settings.json'))
    fs.symlinkSync(path.join(userDir, entry), path.join(dir, entry));
  const server = { command: tools.command, args: tools.args, trust: true, includeTools: [...tools.tools] };
  fs.writeFileSync(
    path.join(dir, 'settings.json'),
    JSON.stringify({ ...own, mcpServers: { factory: server } }, null, 2),
  );
  return { GEMINI_CLI_HOME: home };
}

export function geminiSupervisorArgs(prompt: string, model: string, scratchDir: string): string[] {
  const args = [
    '-p',
    prompt,
    '--output-format',
    'json',
    '--approval-mode',
    'plan',
    trust,
    '--policy',
    writeReadOnlyPolicy(scratchDir),
  ];
  if (model) args.push('--model', model);
  return args;
}

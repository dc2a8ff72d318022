// Command lines for `gemini -p`: the worker streams with edits approved without asking (`auto_edit`, not `--yolo`) under a
// deny policy; the planning roles and the supervisor run in plan (read-only) mode.
import fs from 'node:fs';
import path from 'node:path';
import type { WorkerRequest } from '../agent.js';
import type { ToolServer } from '../cli/cli-engine.js';
import { writeReadOnlyPolicy, writeWorkerPolicy } from './gemini-policy.js';

/** Headless in a folder it has never seen, Gemini CLI refuses to work unless the folder is trusted: the factory's project is. */
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
 * Gemini CLI reads MCP servers from settings files only: factory's goes in a settings file of the call's own, named by
 * the variable Gemini CLI reads for its system settings (they override the user's, so "factory" is the one it gets).
 */
export function geminiToolsEnv(scratchDir: string, tools: ToolServer): Record<string, string> {
  const file = path.join(scratchDir, 'factory-settings.json');
  const server = { command: tools.command, args: tools.args, trust: true, includeTools: [...tools.tools] };
  fs.writeFileSync(file, JSON.stringify({ mcpServers: { factory: server } }, null, 2));
  return { GEMINI_CLI_SYSTEM_SETTINGS_PATH: file };
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

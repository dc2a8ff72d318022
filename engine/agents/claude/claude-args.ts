// Command lines for `claude -p`: the worker streams and may edit files inside the project only; the planning roles and
// the supervisor may only read.
import fs from 'node:fs';
import path from 'node:path';
import type { WorkerRequest } from '../agent.js';
import type { ToolServer } from '../cli/cli-engine.js';

/**
 * Permission rules scoped to the project, in Claude Code's own syntax (`Edit(...)` covers every file-editing tool; `./`
 * is the working folder, the project). In -p mode a tool call no rule allows is refused, not asked: so writes by
 * absolute path outside, through `..`, `~` or a symlink that resolves outside are refused (Claude Code resolves links
 * before it matches). Not `--dangerously-skip-permissions` or `acceptEdits` with a bare `Write`: those allow writes
 * anywhere.
 */
const readTools = ['Read', 'Glob', 'Grep', 'LS'];
const writeInProject = 'Edit(./**)';
/** Bash would run commands on the host, outside the factory's test sandbox; the web is a way out too. */
const neverTools = ['Bash', 'WebFetch', 'WebSearch'];

export function claudeWorkerArgs(request: WorkerRequest, scratchDir: string, tools?: ToolServer): string[] {
  const own = tools ? tools.tools.map((name) => `mcp__factory__${name}`) : [];
  const allowed = request.readOnly ? readTools : [...readTools, 'TodoWrite', writeInProject, ...own];
  // `//` is the file system root: a planning call's edits are denied anywhere.
  const denied = request.readOnly
    ? [...neverTools, 'Edit(//**)']
    : [...neverTools, ...deniedEdits(request.lockedPaths)];
  const args = ['-p', request.prompt, '--output-format', 'stream-json', '--verbose', '--permission-mode', 'default'];
  args.push('--allowedTools', allowed.join(','), '--disallowedTools', denied.join(','));
  // Only factory's server: the user's own MCP servers would run on the host, outside the sandbox.
  if (tools) args.push('--mcp-config', writeMcpConfig(scratchDir, tools), '--strict-mcp-config');
  if (request.model) args.push('--model', request.model);
  if (request.budgetUsd !== undefined) args.push('--max-budget-usd', request.budgetUsd.toFixed(4));
  return args;
}

/**
 * The supervisor may read the project but not change it: no rule allows an edit, so each is refused in -p mode and
 * listed in the answer's permission_denials (a deny rule would refuse it too, but unlisted, so it could not be
 * reported).
 */
export function claudeSupervisorArgs(prompt: string, model: string): string[] {
  const args = [
    '-p',
    prompt,
    '--output-format',
    'json',
    '--permission-mode',
    'default',
    '--allowedTools',
    readTools.join(','),
  ];
  args.push('--disallowedTools', neverTools.join(','));
  if (model) args.push('--model', model);
  return args;
}

/** Edits to .git/ and the locked tests, denied even though inside the project. */
function deniedEdits(lockedPaths: ReadonlySet<string>): string[] {
  return ['.git/**', '.factory/**', ...lockedPaths].map((file) => `Edit(./${file})`);
}

/** Claude Code's MCP config with the one stdio server, "factory" (so its tools are mcp__factory__<name>). */
function writeMcpConfig(scratchDir: string, tools: ToolServer): string {
  const file = path.join(scratchDir, 'factory-mcp.json');
  const server = { type: 'stdio', command: tools.command, args: tools.args };
  fs.writeFileSync(file, JSON.stringify({ mcpServers: { factory: server } }, null, 2));
  return file;
}

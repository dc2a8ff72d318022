// Command lines for `claude -p`: the worker streams and may edit files without asking; the supervisor answers once, in JSON.
import type { WorkerRequest } from '../agent.js';

/**
 * The worker edits through Claude Code's file tools only, accepted without asking (`--permission-mode acceptEdits`).
 * Not `--dangerously-skip-permissions`: Claude Code refuses it for root unless IS_SANDBOX=1, and it would also let the
 * worker run shell commands on the host, outside the factory's sandbox, which runs the tests itself.
 */
const workerTools = ['Read', 'Write', 'Edit', 'MultiEdit', 'Glob', 'Grep', 'LS', 'TodoWrite'];

export function claudeWorkerArgs(request: WorkerRequest): string[] {
  const args = ['-p', request.prompt, '--output-format', 'stream-json', '--verbose', '--permission-mode', 'acceptEdits', '--allowedTools', workerTools.join(',')];
  args.push('--disallowedTools', deniedTools(request.lockedPaths).join(','));
  if (request.model) args.push('--model', request.model);
  if (request.budgetUsd !== undefined) args.push('--max-budget-usd', request.budgetUsd.toFixed(4));
  return args;
}

/** The supervisor may read the project but not change it: in -p mode, tools that would ask are refused. */
export function claudeSupervisorArgs(prompt: string, model: string): string[] {
  const args = ['-p', prompt, '--output-format', 'json', '--allowedTools', 'Read,Glob,Grep,LS'];
  if (model) args.push('--model', model);
  return args;
}

/**
 * Bash, which acceptEdits would still allow for file commands (touch, mkdir, mv), and edits to .git/ and the locked tests
 * (`Edit(...)` rules cover every file-editing tool).
 */
function deniedTools(lockedPaths: ReadonlySet<string>): string[] {
  return ['Bash', ...['.git/**', ...lockedPaths].map((file) => `Edit(./${file})`)];
}

// Command lines for `gemini -p`: the worker streams with edits approved without asking (`auto_edit`, not `--yolo`)
// under a deny policy; the planning roles and the supervisor run in plan (read-only) mode.
import type { WorkerRequest } from '../agent.js';
import { writeReadOnlyPolicy, writeWorkerPolicy } from './gemini-policy.js';

/**
 * Headless in a folder it has never seen, Gemini CLI refuses to work unless the folder is trusted: the factory's
 * project is.
 */
const trust = '--skip-trust';

export function geminiWorkerArgs(request: WorkerRequest, scratchDir: string): string[] {
  const policy = request.readOnly
    ? writeReadOnlyPolicy(scratchDir)
    : writeWorkerPolicy(scratchDir, request.projectDir, request.lockedPaths);
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
  if (request.model) args.push('--model', request.model);
  return args;
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

// Command lines for `gemini -p`: the worker streams with --yolo (tools approved without asking) under a deny policy; the supervisor answers once, in JSON.
import type { WorkerRequest } from '../agent.js';
import { writeWorkerPolicy } from './gemini-policy.js';

/** Headless in a folder it has never seen, Gemini CLI refuses to work unless the folder is trusted: the factory's project is. */
const trust = '--skip-trust';

export function geminiWorkerArgs(request: WorkerRequest, scratchDir: string): string[] {
  const policy = writeWorkerPolicy(scratchDir, request.projectDir, request.lockedPaths);
  const args = ['-p', request.prompt, '--output-format', 'stream-json', '--yolo', trust, '--policy', policy];
  if (request.model) args.push('--model', request.model);
  return args;
}

/** Without --yolo, tools that would ask for approval are not offered in headless mode: the supervisor only reads. */
export function geminiSupervisorArgs(prompt: string, model: string): string[] {
  const args = ['-p', prompt, '--output-format', 'json', trust];
  if (model) args.push('--model', model);
  return args;
}

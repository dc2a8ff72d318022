// sandbox_exec: one shell command in the run's container (the Docker sandbox runs every exec as the host user, in /app,
// with no network), killed at TEST_TIMEOUT; the model gets the exit code and the end of the output.
import type { Sandbox } from '../sandbox/sandbox.js';
import { tail } from '../util/capped-text.js';
import type { ToolRun } from './tool-spec.js';

/** What the model reads back of a command's output. */
const execOutputLimit = 8000;

export async function sandboxExecTool(
  sandbox: Sandbox,
  command: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<ToolRun> {
  const ran = await sandbox.exec(command, { timeoutMs, signal });
  const status = ran.timedOut
    ? `killed: over the time limit of ${timeoutMs / 1000} s`
    : signal.aborted
      ? 'killed: the run is stopping'
      : `exit code ${ran.exitCode}`;
  const output = ran.output.trim();
  return {
    text: `${status}\n${output ? tail(output, execOutputLimit) : '(no output)'}`,
    isError: ran.timedOut || signal.aborted,
    exitCode: ran.exitCode,
    timedOut: ran.timedOut,
    output,
  };
}

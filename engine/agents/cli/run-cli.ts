// Runs an agent CLI as a detached child, hands each stdout line to the caller, and kills the whole process group on
// timeout or abort.
import readline from 'node:readline';
import { execa } from 'execa';
import { guardChild } from '../../sandbox/guard-child.js';
import { CappedText } from '../../util/capped-text.js';

export type CliRun = {
  binary: string;
  args: string[];
  cwd: string;
  /** Added to this process's environment. */
  env: Record<string, string>;
  timeoutMs: number;
  signal: AbortSignal;
  onLine: (line: string) => void;
};

export type CliExit = {
  exitCode: number | null;
  /** The binary could not be started at all (e.g. ENOENT), with the system's reason. */
  spawnError?: string;
  timedOut: boolean;
  aborted: boolean;
  /** The end of what it printed on stderr, for error messages. */
  stderr: string;
};

export async function runCli(run: CliRun): Promise<CliExit> {
  const stderr = new CappedText(4000);
  const child = execa(run.binary, run.args, {
    cwd: run.cwd,
    env: run.env,
    detached: true,
    reject: false,
    stdin: 'ignore',
    buffer: false,
  });
  const guard = guardChild(child.pid, run.timeoutMs, run.signal);
  // One decoder for the stream, so a character split across chunks is not replaced.
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => stderr.append(text));
  const lines = child.stdout ? readline.createInterface({ input: child.stdout, crlfDelay: Infinity }) : undefined;
  lines?.on('line', run.onLine);
  const result = await child;
  // Tool processes the CLI started (shells, language servers) go with it.
  guard.done();
  // A child that never started has a system error code (ENOENT, EACCES) and no exit code.
  const code = (result as { code?: string }).code;
  return {
    exitCode: result.exitCode ?? null,
    spawnError: code && result.exitCode === undefined ? code : undefined,
    timedOut: guard.timedOut(),
    aborted: run.signal.aborted,
    stderr: stderr.toString().trim(),
  };
}

// Turns how an agent CLI ended into the one message the user sees, or undefined when it worked.
import type { CliEngine, StreamOutcome } from './cli-engine.js';
import type { CliExit } from './run-cli.js';

/** format: the output format asked for, to name it when the CLI printed something else. */
export function cliFailure(
  engine: CliEngine,
  exit: CliExit,
  outcome: StreamOutcome,
  timeoutMs: number,
  format: string,
): string | undefined {
  const name = engine.name;
  if (exit.spawnError === 'ENOENT')
    return `${name} CLI not found: "${engine.binary}" is not on PATH; install it with \`${engine.installHint}\``;
  if (exit.spawnError) return `${name} CLI could not be started (${exit.spawnError}): "${engine.binary}"`;
  if (exit.aborted) return 'stopped';
  if (exit.timedOut)
    return `${name} ran over its time limit of ${Math.round(timeoutMs / 1000)} s and was killed (AGENT_TIMEOUT)`;
  if (outcome.error) return `${name}: ${engine.explain(outcome.error)}`;
  if (exit.exitCode !== 0)
    return (
      `${name} exited with code ${exit.exitCode}: ` +
      `${engine.explain(lastLines(exit.stderr) || outcome.garbage || 'no message')}`
    );
  if (!outcome.done) {
    const printed = outcome.garbage ? `; it printed "${outcome.garbage}", which is not ${format}` : '';
    return `${name} ended without a result${printed}`;
  }
  return undefined;
}

/** The end of stderr, where CLIs put the reason they stopped. */
function lastLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-2)
    .join(' | ')
    .slice(-500);
}

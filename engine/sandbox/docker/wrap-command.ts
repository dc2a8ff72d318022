// The shell wrapper every exec runs: the Docker API cannot kill an exec, so the kill happens inside the container.
/**
 * `timeout` puts the command in its own process group (TERM at the deadline, KILL 5 s later); the group id is
 * written to `pidFile` so the host can kill it by a second exec (abort, or a command that outlives the wrapper).
 * When the command ends, whatever it left in the background goes too: it would hold the output open.
 * Background jobs of a non-interactive shell read /dev/null; the redirect makes that explicit.
 */
export function wrapCommand(command: string, timeoutMs: number, pidFile: string): string[] {
  const script =
    'timeout -k 5 "$1" sh -c "$2" </dev/null & p=$!; echo $p > "$3"; wait $p; c=$?; kill -s KILL -- -$p ' +
    '2>/dev/null; rm -f "$3"; exit $c';
  return ['sh', '-c', script, 'factory-exec', seconds(timeoutMs), command, pidFile];
}

/**
 * The command that kills the process group recorded in `pidFile`; an abort right after start waits (up to 5 s) for the
 * file. The file is written as soon as the wrapper forks: until `timeout` has made its group (and so before it starts
 * the command), there is no group to kill, and killing `timeout` itself is enough.
 */
export function killCommand(pidFile: string): string[] {
  const script =
    'i=0; while [ ! -s "$1" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done; p=$(cat "$1" 2>/dev/null) && ' +
    '{ kill -s KILL -- -$p 2>/dev/null || kill -s KILL $p; }';
  return ['sh', '-c', script, 'factory-kill', pidFile];
}

/** Exit codes of `timeout`: 124 after TERM, 137 after KILL. */
export const timeoutExitCodes = new Set([124, 137]);

/** What `timeout` wants: seconds, fractions allowed. */
function seconds(ms: number): string {
  return String(Math.max(1, Math.round(ms)) / 1000);
}

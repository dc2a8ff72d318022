// Finds every process a command started, wherever it went: each carries a marker in its environment, which a
// process group or session change (setsid, double fork, reparenting to PID 1) does not remove. Linux (/proc) only;
// elsewhere nothing is found and the process group is what gets killed.
import crypto from 'node:crypto';
import fs from 'node:fs';

export const markerVariable = 'FACTORY_SANDBOX_RUN';

export const newMarker = (): string => crypto.randomBytes(8).toString('hex');

export type MarkedProcess = { pid: number; command: string };

export function markedProcesses(marker: string): MarkedProcess[] {
  const needle = Buffer.from(`${markerVariable}=${marker}\0`);
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  const found: MarkedProcess[] = [];
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      if (!fs.readFileSync(`/proc/${pid}/environ`).includes(needle)) continue;
      const command = fs.readFileSync(`/proc/${pid}/cmdline`).toString('utf8').split('\0').filter(Boolean).join(' ');
      found.push({ pid, command });
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

/**
 * Resolves once no process carries the marker any more (what was killed has exited, not only been signalled), or
 * after `limitMs`: a killed process may still run until the machine schedules it.
 */
export async function markedGone(marker: string, limitMs = 3000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (markedProcesses(marker).length > 0 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
}

/** TERM to every marked process, KILL after the grace to whatever (marked) is still there or was started since. */
export function killMarked(marker: string, graceMs = 2000): void {
  if (!signalAll(marker, 'SIGTERM')) return;
  setTimeout(() => signalAll(marker, 'SIGKILL'), graceMs).unref();
}

function signalAll(marker: string, signal: NodeJS.Signals): boolean {
  const found = markedProcesses(marker);
  for (const { pid } of found) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
  return found.length > 0;
}

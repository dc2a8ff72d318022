// Lets a test find only its own processes: a sleep no other process on the machine has (parallel forks, other
// checkouts, containers all show in the host's process list), and a fixed-string look-up of command lines.
import crypto from 'node:crypto';
import fs from 'node:fs';

let made = 0;

/** `sleep <seconds>.<unique digits>`: sleeps as long as asked (a few nanoseconds more), and names only itself. */
export function uniqueSleep(seconds: number): string {
  const digits = `${process.pid}${++made}${crypto.randomInt(1e6)}`.padEnd(12, '0');
  return `sleep ${seconds}.${digits}`;
}

/** The pids of processes whose command line contains `text`, as written (no pattern), this process excluded. */
function processesWith(text: string): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').includes(text)) found.push(pid);
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}

export const isRunning = (text: string): boolean => processesWith(text).length > 0;

/** Whether a process with this pid is still there (signal 0 only asks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

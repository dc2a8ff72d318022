// Kills a detached child's whole process group: TERM first, KILL shortly after for what ignores TERM.
export function killGroup(pid: number | undefined, graceMs = 2000): void {
  if (!pid) return;
  if (!signalGroup(pid, 'SIGTERM')) return;
  setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs).unref();
}

function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

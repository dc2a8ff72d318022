// The memory the local models share, and where the figure comes from: VRAM_BUDGET_GB, else the machine Ollama runs on.
import { execFile } from 'node:child_process';

export type VramTotal = { bytes: number; source: string };

const gib = 1024 ** 3;
const mib = 1024 ** 2;

/**
 * `sysctl -n hw.memsize`: the unified memory of an Apple silicon Mac, in bytes.
 * @internal tested by itself, on captured output.
 */
export function parseMemsize(output: string): number | undefined {
  const bytes = Number(output.trim());
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

/**
 * `nvidia-smi --query-gpu=memory.total --format=csv,noheader,nounits`:
 * MiB per GPU, a line each; Ollama spreads over all.
 * @internal tested by itself, on captured output.
 */
export function parseNvidiaSmi(output: string): number | undefined {
  const lines = output.split('\n').filter((line) => line.trim());
  const each = lines.map((line) => Number(line.trim()));
  if (each.length === 0 || each.some((value) => !Number.isFinite(value) || value <= 0)) return undefined;
  return each.reduce((sum, value) => sum + value, 0) * mib;
}

/** The machine's memory is the server's only when Ollama listens on this machine. @internal tested by itself. */
export function isLocalHost(host: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(host.includes('://') ? host : `http://${host}`).hostname;
  } catch {
    return false;
  }
  return ['localhost', '[::1]', '::1', '0.0.0.0'].includes(hostname) || /^127\./.test(hostname);
}

export type VramOptions = {
  budgetGb?: number;
  host: string;
  platform?: NodeJS.Platform;
  arch?: string;
};

/** Undefined when nothing says: the model manager then falls back to what Ollama reports (`/api/ps`). */
export async function vramTotal(options: VramOptions): Promise<VramTotal | undefined> {
  if (options.budgetGb !== undefined) return { bytes: options.budgetGb * gib, source: 'VRAM_BUDGET_GB' };
  if (!isLocalHost(options.host)) return undefined;
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;
  if (platform === 'darwin' && arch === 'arm64') {
    const bytes = parseMemsize((await output('sysctl', ['-n', 'hw.memsize'])) ?? '');
    return bytes ? { bytes, source: 'unified memory' } : undefined;
  }
  if (platform === 'linux') {
    const query = ['--query-gpu=memory.total', '--format=csv,noheader,nounits'];
    const bytes = parseNvidiaSmi((await output('nvidia-smi', query)) ?? '');
    return bytes ? { bytes, source: 'nvidia-smi' } : undefined;
  }
  return undefined;
}

/** A probe's stdout; undefined when the program is missing or fails (no GPU, no driver). */
function output(command: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) =>
    execFile(command, args, { timeout: 5000 }, (error, stdout) => resolve(error ? undefined : stdout)),
  );
}

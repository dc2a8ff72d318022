// The VRAM total and its source: VRAM_BUDGET_GB first, else the machine's (unified memory, nvidia-smi) when Ollama runs here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isLocalHost, parseMemsize, parseNvidiaSmi, vramTotal } from '../../../engine/models/vram-total.js';

const gib = 1024 ** 3;
const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-vram-'));
const originalPath = process.env.PATH;
afterAll(() => {
  process.env.PATH = originalPath;
  fs.rmSync(bin, { recursive: true, force: true });
});

/** A real program of that name first on PATH, printing what the real one prints on such a machine. */
function onPath(name: string, script: string): void {
  fs.writeFileSync(path.join(bin, name), `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  process.env.PATH = `${bin}${path.delimiter}${originalPath}`;
}

describe('vramTotal', () => {
  it('takes VRAM_BUDGET_GB when it is set, whatever the machine', async () => {
    expect(await vramTotal({ budgetGb: 48, host: 'http://127.0.0.1:11434' })).toEqual({
      bytes: 48 * gib,
      source: 'VRAM_BUDGET_GB',
    });
    expect(await vramTotal({ budgetGb: 12, host: 'http://gpu-box:11434' })).toEqual({
      bytes: 12 * gib,
      source: 'VRAM_BUDGET_GB',
    });
  });

  it('on Linux sums the GPUs nvidia-smi lists, asked for memory.total in MiB', async () => {
    onPath(
      'nvidia-smi',
      '[ "$*" = "--query-gpu=memory.total --format=csv,noheader,nounits" ] || exit 9\nprintf "24576\\n24576\\n"',
    );
    expect(await vramTotal({ host: 'http://localhost:11434', platform: 'linux' })).toEqual({
      bytes: 48 * gib,
      source: 'nvidia-smi',
    });
  });

  it('on Apple silicon takes the unified memory from sysctl hw.memsize', async () => {
    onPath('sysctl', '[ "$*" = "-n hw.memsize" ] || exit 9\necho 68719476736');
    expect(await vramTotal({ host: 'http://127.0.0.1:11434', platform: 'darwin', arch: 'arm64' })).toEqual({
      bytes: 64 * gib,
      source: 'unified memory',
    });
  });

  it('says nothing when the probe fails or Ollama runs on another machine (the manager then uses /api/ps)', async () => {
    onPath(
      'nvidia-smi',
      'echo "NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver" >&2; exit 9',
    );
    expect(await vramTotal({ host: 'http://127.0.0.1:11434', platform: 'linux' })).toBeUndefined();
    onPath('nvidia-smi', 'echo 24576');
    expect(await vramTotal({ host: 'http://gpu-box.lan:11434', platform: 'linux' })).toBeUndefined();
    expect(await vramTotal({ host: 'http://127.0.0.1:11434', platform: 'win32' })).toBeUndefined();
  });
});

describe('the probes and the host', () => {
  it('parses what the tools print and refuses anything else', () => {
    expect(parseMemsize('17179869184\n')).toBe(16 * gib);
    expect(parseMemsize('sysctl: unknown oid')).toBeUndefined();
    expect(parseNvidiaSmi('8192\n')).toBe(8 * gib);
    expect(parseNvidiaSmi('[N/A]\n')).toBeUndefined();
    expect(parseNvidiaSmi('')).toBeUndefined();
  });

  it('knows a loopback Ollama from a remote one', () => {
    for (const host of ['http://127.0.0.1:11434', 'http://localhost:11434', 'http://[::1]:11434', '127.0.0.1:11434'])
      expect(isLocalHost(host), host).toBe(true);
    for (const host of ['http://10.0.0.5:11434', 'https://ollama.example.com', 'not a url'])
      expect(isLocalHost(host), host).toBe(false);
  });
});

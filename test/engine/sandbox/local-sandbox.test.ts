// The local sandbox: streamed output, exit codes, an output cap, and timeouts that take the whole process group.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalSandbox } from '../../../engine/sandbox/local-sandbox.js';
import { outputCap } from '../../../engine/sandbox/sandbox.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-'));
const sandbox = new LocalSandbox(dir);

describe('LocalSandbox', () => {
  it('runs in the project folder and streams stdout and stderr', async () => {
    const seen: string[] = [];
    const result = await sandbox.exec('pwd; echo oops >&2; exit 3', { timeoutMs: 10_000, onOutput: (text) => seen.push(text) });
    expect(result).toMatchObject({ exitCode: 3, timedOut: false, truncated: false });
    expect(result.output).toContain(fs.realpathSync(dir));
    expect(result.output).toContain('oops');
    expect(seen.join('')).toBe(result.output);
  });

  it('keeps only the tail of a huge output, marked', async () => {
    const result = await sandbox.exec(`head -c ${outputCap * 3} /dev/zero | tr '\\0' 'x'; echo; echo END`, { timeoutMs: 30_000 });
    expect(result.truncated).toBe(true);
    expect(result.output.length).toBeLessThan(outputCap + 100);
    expect(result.output).toMatch(/^\[… \d+ characters cut …\]/);
    expect(result.output.trimEnd().endsWith('END')).toBe(true);
  });

  it('survives binary output', async () => {
    const result = await sandbox.exec("printf '\\377\\376ok\\n'", { timeoutMs: 10_000 });
    expect(result.output).toContain('ok');
  });

  it('kills the command and its background children at the timeout', async () => {
    const pidFile = path.join(dir, 'child.pid');
    const result = await sandbox.exec(`sleep 120 </dev/null & echo $! > ${pidFile}; sleep 120`, { timeoutMs: 500 });
    expect(result).toMatchObject({ timedOut: true, exitCode: null });
    const child = Number(fs.readFileSync(pidFile, 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(() => process.kill(child, 0)).toThrow();
  });
});

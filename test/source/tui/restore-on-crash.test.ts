// A crash under the dashboard unmounts it (so Ink leaves the alternate screen) before the error is printed, then exits 1.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { transform } from 'esbuild';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-crash-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A process that watches with restoreOnCrash, then fails the way `kind` says; its unmount writes a marker to stderr. */
async function crash(kind: 'throw' | 'reject' | 'none'): Promise<{ exitCode?: number; stderr: string }> {
  const source = fs.readFileSync(path.resolve(import.meta.dirname, '../../../source/tui/restore-on-crash.ts'), 'utf8');
  fs.writeFileSync(
    path.join(dir, 'restore-on-crash.mjs'),
    (await transform(source, { loader: 'ts', format: 'esm' })).code,
  );
  const failures = {
    throw: "setTimeout(() => { throw new Error('boom in a timer'); });",
    reject: "Promise.reject(new Error('boom in a promise'));",
    none: "remove(); setTimeout(() => { throw new Error('boom after remove'); });",
  };
  const script = `import { restoreOnCrash } from './restore-on-crash.mjs';
const remove = restoreOnCrash(() => process.stderr.write('[unmounted]\\n'));
${failures[kind]}`;
  fs.writeFileSync(path.join(dir, `${kind}.mjs`), script);
  const { exitCode, stderr } = await execa(process.execPath, [path.join(dir, `${kind}.mjs`)], { reject: false });
  return { exitCode, stderr: String(stderr) };
}

describe('restoreOnCrash', () => {
  it('unmounts before printing an uncaught exception, then exits 1', async () => {
    const result = await crash('throw');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^\[unmounted\]\nfactory: the dashboard crashed: Error: boom in a timer\n {4}at /);
  });

  it('does the same for an unhandled rejection', async () => {
    const result = await crash('reject');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^\[unmounted\]\nfactory: the dashboard crashed: Error: boom in a promise\n/);
  });

  it('leaves no hook behind once removed: Node reports the crash itself', async () => {
    const result = await crash('none');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('Error: boom after remove');
    expect(result.stderr).not.toContain('[unmounted]');
    expect(result.stderr).not.toContain('the dashboard crashed');
  });
});

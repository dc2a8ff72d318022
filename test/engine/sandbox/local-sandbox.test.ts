// The local sandbox: streamed output, exit codes, an output cap, and timeouts that take the whole process group.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalSandbox } from '../../../engine/sandbox/local-sandbox.js';
import { outputCap } from '../../../engine/sandbox/sandbox.js';
import { liveCap } from '../../../engine/sandbox/stream-output.js';
import { isAlive, isRunning, uniqueSleep } from '../../support/processes.js';
import { pythonWithPytest, requirePytest } from '../../support/python.js';
import { waitFor } from '../../support/wait-for.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-'));
const sandbox = new LocalSandbox(dir);

describe('LocalSandbox', () => {
  it('runs in the project folder and streams stdout and stderr', async () => {
    const seen: string[] = [];
    const result = await sandbox.exec('pwd; echo oops >&2; exit 3', {
      timeoutMs: 10_000,
      onOutput: (text) => seen.push(text),
    });
    expect(result).toMatchObject({ exitCode: 3, timedOut: false, truncated: false });
    expect(result.output).toContain(fs.realpathSync(dir));
    expect(result.output).toContain('oops');
    expect(seen.join('')).toBe(result.output);
  });

  it('keeps only the tail of a huge output, marked', async () => {
    const result = await sandbox.exec(`head -c ${outputCap * 3} /dev/zero | tr '\\0' 'x'; echo; echo END`, {
      timeoutMs: 30_000,
    });
    expect(result.truncated).toBe(true);
    expect(result.output.length).toBeLessThan(outputCap + 100);
    expect(result.output).toMatch(/^\[… \d+ characters cut …\]/);
    expect(result.output.trimEnd().endsWith('END')).toBe(true);
  });

  it('passes on only the first part of a giant output live, and keeps its end', async () => {
    let live = 0;
    const result = await sandbox.exec(`head -c ${liveCap + 8 * 1024 * 1024} /dev/zero | tr '\\0' 'x'; echo; echo END`, {
      timeoutMs: 60_000,
      onOutput: (text) => (live += text.length),
    });
    expect(live).toBeGreaterThanOrEqual(liveCap);
    expect(live).toBeLessThan(liveCap + 2 * outputCap);
    expect(result.truncated).toBe(true);
    expect(result.output).toMatch(/^\[… \d+ characters and \d+ bytes cut …\]\n/);
    expect(result.output.length).toBeLessThan(outputCap + 200);
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
    await waitFor(() => !isAlive(child), `the background sleep ${child} to be killed`);
    expect(() => process.kill(child, 0)).toThrow();
  });

  it('returns from a stopped run only once its processes are gone, one that ignores TERM included', async () => {
    const sleep = uniqueSleep(1003);
    const abort = new AbortController();
    // The shell dies at the TERM; its child ignores it and lives until the KILL that follows 2 s later, holding no
    // output that would keep the run open meanwhile.
    const running = sandbox.exec(`sh -c 'trap "" TERM; ${sleep}' </dev/null >/dev/null 2>&1 & wait`, {
      timeoutMs: 60_000,
      signal: abort.signal,
    });
    await waitFor(() => isRunning(sleep), 'the sleep to start');
    abort.abort();
    await running;
    expect(isRunning(sleep)).toBe(false);
  });

  it('kills a setsid child, which left the process group, when the command ends', async () => {
    const sleep = uniqueSleep(1001);
    const result = await sandbox.exec(`setsid ${sleep} </dev/null >/dev/null 2>&1 & echo started`, {
      timeoutMs: 30_000,
    });
    expect(result).toMatchObject({ exitCode: 0, timedOut: false });
    await waitFor(() => !isRunning(sleep), 'the setsid sleep to be killed');
  });

  it('kills a setsid child at the timeout too', async () => {
    const sleep = uniqueSleep(1002);
    const result = await sandbox.exec(`setsid ${sleep} </dev/null >/dev/null 2>&1 & sleep 120`, { timeoutMs: 1000 });
    expect(result.timedOut).toBe(true);
    await waitFor(() => !isRunning(sleep), 'the setsid sleep to be killed');
  });

  it('decodes a character split across chunks as one character', async () => {
    const seen: string[] = [];
    // ✓ is e2 9c 93: the first byte arrives alone, the rest 300 ms later.
    const result = await sandbox.exec("printf 'ok \\342'; sleep 0.3; printf '\\234\\223 done\\n'", {
      timeoutMs: 10_000,
      onOutput: (text) => seen.push(text),
    });
    expect(seen.length).toBeGreaterThan(1);
    expect(result.output).toBe('ok ✓ done\n');
    expect(seen.join('')).not.toContain('\uFFFD');
  });
});

describe.skipIf(requirePytest())('LocalSandbox with a background process holding the output', () => {
  it('ends with the tests, says which process held the output open, and stops it', async () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-holder-'));
    fs.writeFileSync(
      path.join(project, 'test_two.py'),
      'def test_one():\n    assert True\n\n\ndef test_two():\n    assert True\n',
    );
    const local = new LocalSandbox(project, { env: { PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1' } });
    const sleep = uniqueSleep(1003);
    // A server-like child started in the background (in its own session) keeps the tests' stdout open.
    const result = await local.exec(`setsid ${sleep} & ${pythonWithPytest()} -m pytest -q -p no:cacheprovider`, {
      timeoutMs: 15_000,
    });
    expect(result).toMatchObject({ exitCode: 0, timedOut: false });
    expect(result.output).toContain('2 passed');
    expect(result.output).toMatch(
      new RegExp(
        `\\[factory: the test command ended \\(exit 0\\), but background process\\(es\\) kept its output open: \\d+ ${sleep.replace('.', '\\.')}; factory stopped them\\]`,
      ),
    );
    expect(result.durationMs).toBeLessThan(15_000);
    await waitFor(() => !isRunning(sleep), 'the background sleep to be killed');
  });
});

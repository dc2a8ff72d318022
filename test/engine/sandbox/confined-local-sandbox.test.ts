// The confined local sandbox on the real bubblewrap: only the project writable, and inside it not .git/, factory's
// records, the locked tests or the dependency folders; a private /tmp, no network, nothing left running.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectOsSandbox, type OsSandbox } from '../../../engine/containment/os-sandbox.js';
import { LocalSandbox } from '../../../engine/sandbox/local-sandbox.js';
import { checksum } from '../../support/containment.js';
import { isRunning, uniqueSleep } from '../../support/processes.js';

const found = detectOsSandbox();
if (found.kind !== 'bubblewrap') throw new Error(`these tests need bubblewrap: ${JSON.stringify(found)}`);
const bubblewrap: OsSandbox = found;

/** One decoy in the temp folder (private inside) and one in the home folder (read-only inside). */
const decoys = [os.tmpdir(), os.homedir()].map((parent) => {
  const folder = fs.mkdtempSync(path.join(parent, '.factory-decoy-'));
  fs.writeFileSync(path.join(folder, 'victim.txt'), 'do not touch\n');
  return folder;
});
const fingerprint = (): string => decoys.map(checksum).join(' ');
afterAll(() => {
  for (const folder of decoys) fs.rmSync(folder, { recursive: true, force: true });
});

function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confined-'));
  for (const folder of ['.git', '.factory', 'node_modules/.bin', '.venv/lib', 'tests'])
    fs.mkdirSync(path.join(dir, folder), { recursive: true });
  fs.writeFileSync(path.join(dir, 'tests', 'test_locked.py'), 'def test_x(): pass\n');
  fs.writeFileSync(path.join(dir, 'node_modules', '.bin', 'jest'), '#!/bin/sh\n');
  return dir;
}

const confined = (dir: string): LocalSandbox =>
  new LocalSandbox(dir, { confinement: { os: bubblewrap, lockedPaths: () => ['tests/test_locked.py'] } });

describe('the confined local sandbox (bubblewrap)', () => {
  it('writes only in the project, and there not to .git/, .factory/, locked tests or dependency folders', async () => {
    const dir = project();
    const sandbox = confined(dir);
    const before = fingerprint();
    const attempts = [
      ...decoys.map((folder) => `${folder}/victim.txt`),
      `${path.dirname(dir)}/beside-${path.basename(dir)}.txt`,
      '.git/config',
      '.factory/locks.json',
      'tests/test_locked.py',
      'node_modules/.bin/jest',
      '.venv/lib/evil.pth',
    ];
    const script = attempts.map((file) => `(echo pwned > '${file}') 2>/dev/null && echo "wrote ${file}"`);
    // Run as root (as here and in CI), the command keeps no capability that could undo the read-only mounts.
    script.push(
      `(mount -o remount,rw / && echo pwned > ${decoys[1]}/victim.txt && echo "wrote remounted") 2>/dev/null`,
      `(umount .git && echo pwned > .git/config && echo "wrote unmounted") 2>/dev/null`,
    );
    const result = await sandbox.exec(
      [...script, 'echo ok > calc.py', 'echo cached > node_modules/.vite/x', 'echo r > .factory/reports/r'].join('\n'),
      { timeoutMs: 20_000 },
    );
    await sandbox.stop();
    // Inside, /tmp is private: a write there may succeed, and never reaches the host's.
    const wrote = result.output
      .split('\n')
      .filter((line) => line.startsWith('wrote') && !line.startsWith('wrote /tmp/'));
    expect(wrote).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(fingerprint()).toBe(before);
    expect(fs.existsSync(`${path.dirname(dir)}/beside-${path.basename(dir)}.txt`)).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'node_modules', '.bin', 'jest'), 'utf8')).toBe('#!/bin/sh\n');
    expect(fs.existsSync(path.join(dir, '.venv', 'lib', 'evil.pth'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'calc.py'), 'utf8')).toBe('ok\n');
    expect(fs.readFileSync(path.join(dir, '.factory', 'reports', 'r'), 'utf8')).toBe('r\n');
    // The runners' caches inside node_modules are private to each command: nothing reaches the host's.
    expect(fs.readdirSync(path.join(dir, 'node_modules', '.vite'))).toEqual([]);
  });

  it('gives the command a private /tmp and the folders it is given to write', async () => {
    const dir = project();
    const given = fs.mkdtempSync(path.join(os.tmpdir(), 'report-'));
    const marker = `factory-private-${path.basename(dir)}`;
    const result = await confined(dir).exec(`echo x > /tmp/${marker} && ls /tmp && echo report > ${given}/out`, {
      timeoutMs: 20_000,
      writableDirs: [given],
    });
    expect(result.exitCode).toBe(0);
    expect(result.output).toContain(marker);
    expect(fs.existsSync(path.join(os.tmpdir(), marker))).toBe(false);
    expect(fs.readFileSync(path.join(given, 'out'), 'utf8')).toBe('report\n');
  });

  it('has no network: a server on the host loopback cannot be reached', async () => {
    const server = net.createServer((socket) => socket.end('hello\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const connect = `node -e "require('net').connect(${port}, '127.0.0.1').on('data', d => { process.stdout.write('got ' + d); process.exit(0) }).on('error', e => { console.log('refused', e.code); process.exit(7) })"`;
    const outside = await new LocalSandbox(project()).exec(connect, { timeoutMs: 20_000 });
    const inside = await confined(project()).exec(connect, { timeoutMs: 20_000 });
    server.close();
    expect(outside.output).toContain('got hello');
    expect(inside.exitCode).toBe(7);
    expect(inside.output).toContain('refused');
  });

  it('leaves nothing running: a setsid child that outlives the command is gone when it ends', async () => {
    const sleep = uniqueSleep(60);
    const result = await confined(project()).exec(`setsid sh -c '${sleep} </dev/null >/dev/null 2>&1' & echo started`, {
      timeoutMs: 20_000,
    });
    expect(result.output).toContain('started');
    expect(isRunning(sleep)).toBe(false);
  });

  it('kills what it started at the timeout', async () => {
    const sleep = uniqueSleep(60);
    const result = await confined(project()).exec(`(${sleep} </dev/null &) ; ${sleep}`, { timeoutMs: 1000 });
    expect(result.timedOut).toBe(true);
    expect(isRunning(sleep)).toBe(false);
  });

  it("hides the home's other projects from the code under test, as from the agent CLIs", async () => {
    const other = fs.mkdtempSync(path.join(os.homedir(), 'factory-other-project-'));
    fs.writeFileSync(path.join(other, 'secret.txt'), 'the other project\n');
    try {
      // One stream, so the count is the last line whatever order the two pipes are read in.
      const command = `{ cat ${other}/secret.txt; ls -A ${other} | wc -l; } 2>&1`;
      const outside = await new LocalSandbox(project()).exec(command, { timeoutMs: 20_000 });
      const inside = await confined(project()).exec(command, { timeoutMs: 20_000 });
      expect(outside.output).toContain('the other project');
      expect(inside.output).not.toContain('the other project');
      expect(inside.output.trim().split('\n').at(-1)).toBe('0');
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('says what confines it', () => {
    expect(confined(project()).describe()).toMatch(/confined by bubblewrap.*no network/);
    expect(new LocalSandbox(project()).describe()).toMatch(/unconfined/);
  });
});

// sandbox_exec and run_tests with the real Docker sandbox: files made in /app belong to the sandbox's user, the system,
// the network and the process table are out of reach, a command over TEST_TIMEOUT or past the worker call's end is
// killed, the host stays untouched.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FactoryEvent } from '../../../engine/contract/events.js';
import { hostUser } from '../../../engine/sandbox/docker/container-spec.js';
import { DockerSandbox } from '../../../engine/sandbox/docker/docker-sandbox.js';
import { WorkerTools } from '../../../engine/worker-tools/worker-tools.js';
import { dockerForTests } from '../../support/docker-for-tests.js';
import { uniqueSleep } from '../../support/processes.js';

const docker = await dockerForTests();
const title = docker.skipReason ? `worker tools, docker (${docker.skipReason})` : 'worker tools, docker';
// The sandbox runs every command as the host user; as root (CI) a plain uid stands in for one, as in the sandbox's tests.
const user = hostUser() === '0:0' ? '1000:1000' : hostUser();
const uid = user.split(':')[0];

/** Every file under dir with its content hash and mode: equal before and after means nothing changed. */
function checksum(dir: string): string {
  const hash = crypto.createHash('sha256');
  const walk = (at: string): void => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(at, entry.name);
      const stat = fs.lstatSync(full);
      hash.update(`${path.relative(dir, full)} ${stat.mode} ${stat.uid}\n`);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) hash.update(fs.readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

describe.skipIf(!docker.engine)(title, () => {
  let projectDir: string;
  let decoy: string;
  let decoySum: string;
  let sandbox: DockerSandbox;
  const events: FactoryEvent[] = [];
  const tools = (testTimeoutSeconds = 20): WorkerTools =>
    new WorkerTools({
      sandbox,
      projectDir,
      testCommand: 'python3 -m pytest -q -p no:cacheprovider',
      taskTests: ['tests/test_calc.py'],
      testTimeoutSeconds,
      maxCalls: 20,
      emit: (type, payload) => events.push({ type, ts: '', task: 1, round: 1, ...payload } as FactoryEvent),
      signal: new AbortController().signal,
    });

  beforeAll(async () => {
    projectDir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-tools-docker-'));
    fs.chmodSync(projectDir, 0o777);
    fs.mkdirSync(path.join(projectDir, 'tests'));
    fs.mkdirSync(path.join(projectDir, '.git'));
    // Writable by anyone, so that only the sandbox's read-only mount of .git can stop a write there.
    fs.writeFileSync(path.join(projectDir, '.git/config'), '[core]\n');
    fs.chmodSync(path.join(projectDir, '.git/config'), 0o666);
    fs.chmodSync(path.join(projectDir, '.git'), 0o777);
    // factory (here root) makes the report folder; the stand-in uid must be able to write pytest's report there.
    fs.mkdirSync(path.join(projectDir, '.factory/reports'), { recursive: true });
    for (const dir of ['.factory', '.factory/reports']) fs.chmodSync(path.join(projectDir, dir), 0o777);
    fs.writeFileSync(path.join(projectDir, 'calc.py'), 'def add(a, b):\n    return 0\n');
    fs.writeFileSync(
      path.join(projectDir, 'conftest.py'),
      'import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n',
    );
    fs.writeFileSync(
      path.join(projectDir, 'tests/test_calc.py'),
      'from calc import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n',
    );
    decoy = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-decoy-'));
    fs.mkdirSync(path.join(decoy, 'inner'));
    fs.writeFileSync(path.join(decoy, 'keep.txt'), 'do not touch\n');
    fs.writeFileSync(path.join(decoy, 'inner/data.bin'), crypto.randomBytes(4096));
    decoySum = checksum(decoy);
    sandbox = new DockerSandbox(docker.engine!, { projectDir, image: docker.image, runId: 'tools-test', user });
    await sandbox.start();
  });

  afterAll(async () => {
    await sandbox?.stop();
    for (const dir of [projectDir, decoy]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('offers both tools', () => {
    expect(
      tools()
        .specs()
        .map((spec) => spec.name),
    ).toEqual(['run_tests', 'sandbox_exec']);
  });

  it('makes files in the project as the sandbox user, in /app, and prints that uid', async () => {
    const result = await tools().call('sandbox_exec', { command: 'touch /app/x; id -u; pwd' });
    expect(result).toEqual({ text: `exit code 0\n${uid}\n/app`, isError: false });
    expect(String(fs.statSync(path.join(projectDir, 'x')).uid)).toBe(uid);
  });

  it('cannot write the system, reach the network or the host', async () => {
    const etc = await tools().call('sandbox_exec', { command: 'touch /etc/x' });
    expect(etc.text).toMatch(/^exit code 1\n.*(Permission denied|Read-only)/s);
    const git = await tools().call('sandbox_exec', { command: 'echo "[core] hooksPath = /tmp" >> /app/.git/config' });
    expect(git.text).toMatch(/^exit code [12]\n.*Read-only file system/s);
    expect(fs.readFileSync(path.join(projectDir, '.git/config'), 'utf8')).toBe('[core]\n');
    const net = await tools().call('sandbox_exec', {
      command: `python3 -c "import socket; socket.create_connection(('1.1.1.1', 80), timeout=5)"`,
    });
    expect(net.text).toMatch(/^exit code 1\n/);
    expect(net.text).toMatch(/Network is unreachable|OSError/);
    const host = await tools().call('sandbox_exec', {
      command: `touch ${decoy}/pwned; rm -rf ${decoy}; ls ${decoy}`,
    });
    expect(host.text).toMatch(/^exit code [12]\n/);
    expect(fs.existsSync(path.join(decoy, 'pwned'))).toBe(false);
  });

  it('survives a fork bomb, and the container still answers', async () => {
    const bomb = await tools(10).call('sandbox_exec', {
      command: 'bomb() { bomb | bomb & }; bomb; sleep 3; echo over',
    });
    // The pids limit stops it forking: the shell says so (dash "Cannot fork", bash "Resource temporarily unavailable").
    // The exit code is the trailing echo's, or the command is killed at the limit; nothing of it is left running.
    expect(bomb.text).toMatch(/^(exit code \d+|killed: over the time limit of 10 s)\n/);
    expect(bomb.text).toMatch(/Cannot fork|fork: .*Resource temporarily unavailable/);
    const after = await tools().call('sandbox_exec', { command: 'echo alive; ls -d /proc/[0-9]* | wc -l' });
    const [status, alive, processes] = after.text.split('\n');
    expect([status, alive]).toEqual(['exit code 0', 'alive']);
    expect(Number(processes)).toBeLessThan(10);
  });

  it('kills a command over TEST_TIMEOUT', async () => {
    const result = await tools(2).call('sandbox_exec', { command: 'echo started; sleep 60; echo never' });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/^killed: over the time limit of 2 s\nstarted/);
    expect(result.text).not.toContain('never');
    expect(events.at(-1)).toMatchObject({ type: 'tool:finished', tool: 'sandbox_exec', timedOut: true });
  });

  it('kills a command still running when the worker call ends, and ends only once it is gone', async () => {
    const sleep = uniqueSleep(120);
    const listProcesses = 'for p in /proc/[0-9]*; do tr "\\0" " " < $p/cmdline 2>/dev/null; echo; done';
    const inContainer = async (): Promise<string> => (await sandbox.exec(listProcesses, { timeoutMs: 10_000 })).output;
    const call = tools();
    const running = call.call('sandbox_exec', { command: sleep });
    await vi.waitFor(async () => expect(await inContainer()).toContain(sleep), { timeout: 30_000, interval: 100 });
    await call.end();
    expect(await inContainer()).not.toContain(sleep);
    expect((await running).text).toMatch(/^killed: /);
    expect((await call.call('sandbox_exec', { command: 'true' })).text).toBe('refused: the worker call is over');
  });

  it('runs the tests in the container and gives back the failure', async () => {
    const result = await tools().call('run_tests', { tests: ['tests/test_calc.py::test_add'] });
    expect(result.text).toMatch(/^exit code 1; 0 passed, 1 failed/);
    expect(result.text).toContain('assert 0 == 5');
  });

  it('left the host outside the project as it was', () => {
    expect(checksum(decoy)).toBe(decoySum);
  });
});

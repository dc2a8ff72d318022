// The docker sandbox against a real engine: hardening, streamed exec, uid ownership, no network, timeouts that kill, cleanup.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { labels, projectId } from '../../../../engine/sandbox/docker/container-spec.js';
import { DockerSandbox } from '../../../../engine/sandbox/docker/docker-sandbox.js';
import { outputCap } from '../../../../engine/sandbox/sandbox.js';
import { dockerForTests } from '../../../support/docker-for-tests.js';
import { uniqueSleep } from '../../../support/processes.js';

const docker = await dockerForTests();
const title = docker.skipReason ? `docker sandbox (${docker.skipReason})` : 'docker sandbox';

/** Command lines of the processes running in the container, apart from the container's own and the listing itself. */
const listProcesses = 'for p in /proc/[0-9]*; do tr "\\0" " " < $p/cmdline 2>/dev/null; echo; done';

describe.skipIf(!docker.engine)(title, () => {
  let projectDir: string;
  let sandbox: DockerSandbox;
  const otherDirs: string[] = [];
  const tempDir = (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-docker-'));
    otherDirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    projectDir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-docker-'));
    // The sandbox runs as uid 1000 here, which must be able to write the (root-made) project folder.
    fs.chmodSync(projectDir, 0o777);
    sandbox = new DockerSandbox(docker.engine!, {
      projectDir,
      image: docker.image,
      runId: 'sandbox-test',
      user: '1000:1000',
    });
    await sandbox.start();
  });

  afterAll(async () => {
    await sandbox?.stop();
    for (const dir of [projectDir, ...otherDirs]) fs.rmSync(dir, { recursive: true, force: true });
  });

  const containerOf = async () => {
    const [info] = await docker.engine!.docker.listContainers({
      all: true,
      filters: { label: [`${labels.project}=${projectId(projectDir)}`] },
    });
    return info ? docker.engine!.docker.getContainer(info.Id).inspect() : undefined;
  };

  it('runs one hardened, labelled container for the project', async () => {
    const info = await containerOf();
    expect(info?.State.Running).toBe(true);
    expect(info?.Config.Labels[labels.dir]).toBe(projectDir);
    expect(info?.Config.User).toBe('1000:1000');
    expect(info?.HostConfig.NetworkMode).toBe('none');
    expect(info?.HostConfig.CapDrop).toEqual(['ALL']);
    expect(info?.HostConfig.SecurityOpt).toContain('no-new-privileges');
    expect(info?.HostConfig.Memory).toBeGreaterThan(0);
    expect(info?.HostConfig.PidsLimit).toBeGreaterThan(0);
    expect(info?.HostConfig.Init).toBe(true);
    expect(info?.Mounts.find((mount) => mount.Destination === '/app')?.Source).toBe(projectDir);
  });

  it('streams stdout and stderr apart from each other and returns the exit code', async () => {
    const pieces: string[] = [];
    const result = await sandbox.exec('echo to-out; echo to-err >&2; exit 3', {
      timeoutMs: 10_000,
      onOutput: (text) => pieces.push(text),
    });
    expect(result.exitCode).toBe(3);
    expect(result.timedOut).toBe(false);
    expect(result.output).toContain('to-out\n');
    expect(result.output).toContain('to-err\n');
    // Demultiplexed: no 8-byte Docker frame headers leak into the text.
    expect(result.output.replace(/to-(out|err)\n/g, '')).toBe('');
    expect(pieces.join('')).toBe(result.output);
  });

  it('writes files in /app as the configured uid, not root', async () => {
    const result = await sandbox.exec('id -u && echo data > written-by-test.txt', { timeoutMs: 10_000 });
    expect(result.output.trim()).toBe('1000');
    expect(fs.statSync(path.join(projectDir, 'written-by-test.txt')).uid).toBe(1000);
  });

  it('gives a test no network', async () => {
    const connect =
      "python3 -c \"import socket; socket.create_connection(('1.1.1.1', 53), timeout=3); print('connected')\"";
    const result = await sandbox.exec(connect, { timeoutMs: 20_000 });
    expect(result.exitCode).not.toBe(0);
    expect(result.output).not.toContain('connected');
    expect(result.output).toMatch(/OSError|unreachable/i);
  });

  it('kills a command at its timeout, even one that ignores TERM, and stays usable', async () => {
    const sleep = uniqueSleep(300);
    const result = await sandbox.exec(`trap "" TERM; ${sleep}`, { timeoutMs: 1500 });
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBeNull();
    const after = await sandbox.exec(listProcesses, { timeoutMs: 10_000 });
    expect(after.exitCode).toBe(0);
    expect(after.output).not.toContain(sleep);
  });

  it('does not wait for what a command leaves in the background, and kills it', async () => {
    const sleep = uniqueSleep(301);
    const result = await sandbox.exec(`${sleep} & echo started`, { timeoutMs: 30_000 });
    expect(result).toMatchObject({ exitCode: 0, timedOut: false });
    expect(result.durationMs).toBeLessThan(30_000);
    expect((await sandbox.exec(listProcesses, { timeoutMs: 10_000 })).output).not.toContain(sleep);
  });

  it('returns when the command ends, even if a process that left its group still holds the output', async () => {
    // setsid leaves the process group `timeout` kills; the exec must end with the command anyway.
    const result = await sandbox.exec(`setsid ${uniqueSleep(305)} & echo started`, { timeoutMs: 60_000 });
    expect(result).toMatchObject({ exitCode: 0, timedOut: false, output: 'started\n' });
    expect(result.durationMs).toBeLessThan(30_000);
  });

  it('kills the command when the caller aborts', async () => {
    const abort = new AbortController();
    const sleep = uniqueSleep(302);
    const running = sandbox.exec(sleep, { timeoutMs: 60_000, signal: abort.signal });
    // Aborted once the sleep runs in the container, not after a guessed delay.
    await vi.waitFor(
      async () => expect((await sandbox.exec(listProcesses, { timeoutMs: 10_000 })).output).toContain(sleep),
      { timeout: 30_000, interval: 100 },
    );
    abort.abort();
    const result = await running;
    expect(result.exitCode).not.toBe(0);
    expect(result.timedOut).toBe(false);
    expect((await sandbox.exec(listProcesses, { timeoutMs: 10_000 })).output).not.toContain(sleep);
  });

  it('kills the command when the caller aborts right away', async () => {
    const abort = new AbortController();
    abort.abort();
    const sleep = uniqueSleep(303);
    const result = await sandbox.exec(sleep, { timeoutMs: 60_000, signal: abort.signal });
    expect(result.durationMs).toBeLessThan(30_000);
    expect((await sandbox.exec(listProcesses, { timeoutMs: 10_000 })).output).not.toContain(sleep);
  });

  it('caps the output it keeps', async () => {
    const result = await sandbox.exec(`head -c ${outputCap * 2} /dev/zero | tr '\\0' x`, { timeoutMs: 30_000 });
    expect(result.truncated).toBe(true);
    expect(result.output.length).toBeLessThan(outputCap + 200);
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
  });

  it('removes its container at stop()', async () => {
    const otherDir = tempDir();
    const other = new DockerSandbox(docker.engine!, { projectDir: otherDir, image: docker.image, runId: 'stop-test' });
    await other.start();
    const project = `${labels.project}=${projectId(otherDir)}`;
    expect(await docker.engine!.docker.listContainers({ all: true, filters: { label: [project] } })).toHaveLength(1);
    await other.stop();
    expect(await docker.engine!.docker.listContainers({ all: true, filters: { label: [project] } })).toHaveLength(0);
  });

  it('refuses an image without coreutils timeout, naming it, and leaves no container behind', async () => {
    // Made from the test image by a local commit: no registry involved.
    const bare = 'factory-test-no-timeout:1';
    const api = docker.engine!.docker;
    if (
      !(await api
        .getImage(bare)
        .inspect()
        .then(
          () => true,
          () => false,
        ))
    ) {
      const maker = await api.createContainer({ Image: docker.image, Cmd: ['rm', '/usr/bin/timeout'] });
      await maker.start();
      await maker.wait();
      await maker.commit({ repo: 'factory-test-no-timeout', tag: '1' });
      await maker.remove();
    }
    const dir = tempDir();
    const lacking = new DockerSandbox(docker.engine!, { projectDir: dir, image: bare, runId: 'no-timeout' });
    await expect(lacking.start()).rejects.toThrow(
      /^SANDBOX_IMAGE=factory-test-no-timeout:1 lacks what the sandbox needs inside: sh, sleep and timeout/,
    );
    expect(
      await api.listContainers({ all: true, filters: { label: [`${labels.project}=${projectId(dir)}`] } }),
    ).toEqual([]);
  });

  it('tries to pull an image the engine does not have, and names the setting when that fails', async () => {
    const notes: string[] = [];
    const missing = new DockerSandbox(docker.engine!, {
      projectDir,
      image: 'factory-no-such-image:0',
      runId: 'missing-image',
      onNote: (line) => notes.push(line),
    });
    await expect(missing.start()).rejects.toThrow(
      /^SANDBOX_IMAGE=factory-no-such-image:0: not on the Docker engine .* could not be pulled: .+/,
    );
    expect(notes).toEqual(['pulling the sandbox image factory-no-such-image:0…']);
  });
});

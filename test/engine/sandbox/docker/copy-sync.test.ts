// SANDBOX_SYNC=copy in the docker sandbox: the same hardened container without any mount of the host, the project's
// files and only those in /app, .git read-only and in place, what a command writes or removes in /app coming back to the
// project and nowhere else, an image without GNU find refused by name.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labels, projectId } from '../../../../engine/sandbox/docker/container-spec.js';
import { DockerSandbox } from '../../../../engine/sandbox/docker/docker-sandbox.js';
import { checksum } from '../../../support/containment.js';
import { dockerForTests } from '../../../support/docker-for-tests.js';

const docker = await dockerForTests();
const title = docker.skipReason ? `docker sandbox, copy sync (${docker.skipReason})` : 'docker sandbox, copy sync';
// As root (CI) a plain uid stands in for the host user, as in the other sandbox tests.
const user = process.getuid?.() === 0 ? '1000:1000' : undefined;

async function gitProject(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-copy-'));
  const files: Record<string, string> = {
    '.gitignore': '*.log\nbuild/\n',
    'calc.py': 'def add(a, b):\n    return 0\n',
    'pkg/__init__.py': '',
    'pkg/deep/mod.py': 'X = 1\n',
    'gone.py': 'tracked, then deleted before the sandbox starts\n',
  };
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  const git = (...args: string[]) =>
    execa('git', ['-c', 'user.name=t', '-c', 'user.email=t@localhost', ...args], { cwd: dir });
  await git('init', '-q', '-b', 'main');
  await git('add', '-A');
  await git('commit', '-qm', 'start');
  fs.rmSync(path.join(dir, 'gone.py'));
  fs.writeFileSync(path.join(dir, 'untracked.py'), 'U = 1\n');
  fs.writeFileSync(path.join(dir, 'debug.log'), 'ignored\n');
  fs.mkdirSync(path.join(dir, 'build'));
  fs.writeFileSync(path.join(dir, 'build/out.bin'), 'ignored too\n');
  return dir;
}

describe.skipIf(!docker.engine)(title, () => {
  let dir: string;
  let sandbox: DockerSandbox;
  const run = async (command: string) => (await sandbox.exec(command, { timeoutMs: 20_000 })).output.trim();
  const listApp = () => run('cd /app && find . -path ./.git -prune -o -type f -print | sed "s|^./||" | sort');

  beforeAll(async () => {
    dir = await gitProject();
    sandbox = new DockerSandbox(docker.engine!, {
      projectDir: dir,
      image: docker.image,
      runId: 'copy-test',
      sync: 'copy',
      ...(user ? { user } : {}),
    });
    await sandbox.start();
  });

  afterAll(async () => {
    await sandbox?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs the same hardened container as mount mode, with nothing of the host mounted', async () => {
    const [info] = await docker.engine!.docker.listContainers({
      filters: { label: [`${labels.project}=${projectId(dir)}`] },
    });
    const inspect = await docker.engine!.docker.getContainer(info!.Id).inspect();
    expect(inspect.Mounts).toEqual([]);
    expect(inspect.HostConfig).toMatchObject({
      NetworkMode: 'none',
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      PidsLimit: 512,
      Memory: 2 * 1024 ** 3,
    });
    expect(inspect.HostConfig.Binds ?? []).toEqual([]);
    expect(sandbox.describe()).toContain('project copied in (SANDBOX_SYNC=copy)');
    expect(sandbox.firstSync?.sent).toBeGreaterThan(5);
  });

  it('holds exactly the tracked and untracked-not-ignored files the work tree has', async () => {
    const expected = (await execa('git', ['ls-files', '-co', '--exclude-standard'], { cwd: dir })).stdout
      .split('\n')
      .filter((name) => fs.existsSync(path.join(dir, name)))
      .sort();
    expect(expected).toEqual(['.gitignore', 'calc.py', 'pkg/__init__.py', 'pkg/deep/mod.py', 'untracked.py']);
    expect((await listApp()).split('\n')).toEqual(expected);
  });

  it('sends each edit, new file and deletion of the work tree before the next command', async () => {
    fs.writeFileSync(path.join(dir, 'calc.py'), 'def add(a, b):\n    return a + b\n');
    fs.writeFileSync(path.join(dir, 'pkg/deep/new.py'), 'NEW = 2\n');
    fs.rmSync(path.join(dir, 'untracked.py'));
    fs.renameSync(path.join(dir, 'pkg/deep/mod.py'), path.join(dir, 'pkg/moved.py'));
    expect(await run('cat /app/calc.py')).toBe('def add(a, b):\n    return a + b');
    expect((await listApp()).split('\n')).toEqual([
      '.gitignore',
      'calc.py',
      'pkg/__init__.py',
      'pkg/deep/new.py',
      'pkg/moved.py',
    ]);
  });

  it('brings back what a command writes, changes and removes in /app', async () => {
    await run('echo made > /app/made.txt && mkdir -p /app/out/sub && echo deep > /app/out/sub/f.txt');
    await run('echo "X = 3" > /app/pkg/moved.py && rm /app/pkg/deep/new.py && chmod +x /app/calc.py');
    expect(fs.readFileSync(path.join(dir, 'made.txt'), 'utf8')).toBe('made\n');
    expect(fs.readFileSync(path.join(dir, 'out/sub/f.txt'), 'utf8')).toBe('deep\n');
    expect(fs.readFileSync(path.join(dir, 'pkg/moved.py'), 'utf8')).toBe('X = 3\n');
    expect(fs.existsSync(path.join(dir, 'pkg/deep/new.py'))).toBe(false);
    expect(fs.statSync(path.join(dir, 'calc.py')).mode & 0o111).not.toBe(0);
    // Brought back, so not sent again: the container keeps what it wrote and the next command sees the same.
    expect(await run('cat /app/made.txt /app/pkg/moved.py')).toBe('made\nX = 3');
  });

  it("keeps .git read-only and in place, and never brings a write under it, into factory's records or through a link back", async () => {
    const decoy = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-decoy-'));
    fs.writeFileSync(path.join(decoy, 'victim.txt'), 'do not touch\n');
    const before = checksum(decoy);
    const gitBefore = checksum(path.join(dir, '.git'));
    const tries = await run(
      'echo x >> /app/.git/HEAD; mv /app/.git /app/g; rm -rf /app/.git; mkdir -p /app/sub/.git && echo y > /app/sub/.git/config;' +
        ` ln -s ${decoy} /app/escape; echo z > /app/escape/pwned`,
    );
    expect(tries).toMatch(/Permission denied/);
    expect(tries).toMatch(/Operation not permitted/);
    expect(await run('ls -ld /app/.git | cut -c1-10')).toBe('dr-xr-xr-x');
    expect(checksum(path.join(dir, '.git'))).toBe(gitBefore);
    expect(fs.existsSync(path.join(dir, 'g'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'sub/.git'))).toBe(false);
    // Of factory's own folder only the test reports come back: not a lock store written in the container.
    await run(
      'mkdir -p /app/.factory/reports && echo forged > /app/.factory/locks.json && echo r > /app/.factory/reports/r.txt',
    );
    expect(fs.existsSync(path.join(dir, '.factory/locks.json'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, '.factory/reports/r.txt'), 'utf8')).toBe('r\n');
    // The link comes back as a link; the file written through it in the container is not written through it here.
    expect(fs.readlinkSync(path.join(dir, 'escape'))).toBe(decoy);
    expect(checksum(decoy)).toBe(before);
    fs.rmSync(decoy, { recursive: true, force: true });
  });

  it('refuses an image without GNU find, naming it and what copy mode needs', async () => {
    const maker = await docker.engine!.docker.createContainer({
      Image: docker.image,
      Cmd: ['rm', '-f', '/usr/bin/find'],
      User: '0:0',
      HostConfig: { NetworkMode: 'none' },
    });
    await maker.start();
    await maker.wait();
    await maker.commit({ repo: 'factory-test-no-find', tag: '1' });
    await maker.remove();
    const bad = new DockerSandbox(docker.engine!, {
      projectDir: dir,
      image: 'factory-test-no-find:1',
      runId: 'no-find',
      sync: 'copy',
    });
    await expect(bad.start()).rejects.toThrow(
      /SANDBOX_IMAGE=factory-test-no-find:1 lacks .*GNU find and xargs \(findutils\), for SANDBOX_SYNC=copy/,
    );
    const left = await docker.engine!.docker.listContainers({
      all: true,
      filters: { label: [`${labels.run}=${'no-find'}`] },
    });
    expect(left.filter((info) => info.Labels[labels.run]?.startsWith('no-find'))).toEqual([]);
  });
});

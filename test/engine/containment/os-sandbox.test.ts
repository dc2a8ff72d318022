// The OS sandbox as the guarantee under the CLIs' own rules: a CLI process that ignores every rule (a shell script in
// the claude CLI's place, run the way factory runs claude) still cannot write outside the project, into .git/ or to a
// locked test; node and a unix socket outside still work inside it; and factory's check after the call removes the links
// it made. Without an OS sandbox, that check alone still puts .git/ back and removes the links (a locked test is the
// tamper guard's to put back, before the round's tests: test/engine/task-setup/guard/tamper-guard.test.ts).
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { claudeEngine } from '../../../engine/agents/claude/claude-engine.js';
import { CliWorker } from '../../../engine/agents/cli/cli-worker.js';
import { ContainedWorker } from '../../../engine/containment/contained-roles.js';
import { detectOsSandbox, sandboxedCommand } from '../../../engine/containment/os-sandbox.js';
import { asOnAUsersMachine, containmentProject, type Corpus } from '../../support/containment.js';
import { runWorkerOnce } from '../../support/worker-run.js';

beforeAll(asOnAUsersMachine);

const sandbox = detectOsSandbox();
const linux = process.platform === 'linux';
if (linux && process.env.CI === 'true' && sandbox.kind === 'none')
  throw new Error(`CI=true but no OS sandbox: ${sandbox.reason}`);
const skip = !linux || sandbox.kind === 'none';
if (skip) console.warn(`skipping the bubblewrap tests: ${sandbox.kind === 'none' ? sandbox.reason : 'not Linux'}`);

/** A "CLI" that tries every way out with a shell, then prints the result line claude ends its stream with. */
function hostileCli(corpus: Corpus): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'factory-hostile-')), 'cli');
  const attempts = [
    `echo pwned > ${corpus.decoy}/victim.txt`,
    `echo pwned > ../${corpus.besideName}`,
    'echo pwned > link/planted.txt',
    `ln -s ${corpus.decoy} fresh && echo pwned > fresh/through-fresh.txt`,
    `ln ${corpus.decoy}/victim.txt hard.txt`,
    'printf "#!/bin/sh\\n" > .git/hooks/pre-commit',
    'echo "[core] hooksPath = /tmp" >> .git/config',
    `echo pwned > ${corpus.lockedTest}`,
    `echo pwned > "$HOME/in-home.txt"`,
    'echo fine > "$TMPDIR/scratch.txt"',
    // Run as root (as here and in CI), the CLI keeps no capability that could undo the read-only mounts.
    `mount -o remount,rw / && echo pwned > ${corpus.decoy}/remounted.txt`,
    'umount .git && printf "#!/bin/sh\\n" > .git/hooks/pre-commit',
    'echo fine > allowed.txt',
  ];
  const result = JSON.stringify({
    type: 'result',
    subtype: 'success',
    is_error: false,
    result: 'done',
    total_cost_usd: 0,
    usage: {},
  });
  fs.writeFileSync(
    file,
    `#!/bin/sh\n${attempts.map((line) => `(${line}) 2>/dev/null`).join('\n')}\necho '${result}'\n`,
    { mode: 0o755 },
  );
  return file;
}

describe.skipIf(skip)('a CLI that ignores its rules, in the OS sandbox', () => {
  it('writes only inside the project; the link it made is removed and reported after the call', async () => {
    const corpus = containmentProject({});
    const before = corpus.fingerprint();
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-home-'));
    const worker = new ContainedWorker(
      new CliWorker(claudeEngine(hostileCli(corpus)), { env: { HOME: home }, timeoutMs: 60_000 }),
      'coder',
    );

    const result = await runWorkerOnce(worker, corpus.dir, { lockedPaths: new Set([corpus.lockedTest]) });

    expect(result).toMatchObject({ ok: true });
    expect(corpus.fingerprint()).toBe(before);
    expect(fs.existsSync(path.join(corpus.dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
    expect(fs.existsSync(path.join(home, 'in-home.txt'))).toBe(false);
    expect(fs.existsSync(path.join(corpus.dir, 'hard.txt'))).toBe(false);
    expect(fs.readFileSync(path.join(corpus.dir, 'allowed.txt'), 'utf8')).toBe('fine\n');
    expect(result.activity.filter((item) => item.kind === 'edit')).toEqual([
      {
        kind: 'edit',
        path: 'fresh',
        action: 'refused',
        reason: `a symlink leading outside the project (to ${corpus.decoy}), removed`,
        engine: 'claude',
        role: 'coder',
      },
    ]);
    expect(fs.existsSync(path.join(corpus.dir, 'fresh'))).toBe(false);
  });

  it('keeps a read-only call (architect, supervisor) from writing even inside the project', async () => {
    const corpus = containmentProject({});
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-scratch-'));
    const spec = { projectDir: corpus.dir, writeProject: false, protectedPaths: ['.git'], writable: [scratch] };
    const command = sandboxedCommand(
      sandbox as Exclude<typeof sandbox, { kind: 'none' }>,
      spec,
      'sh',
      ['-c', `echo x > inside.txt; echo ok > ${scratch}/ok.txt`],
      scratch,
    );
    await execa(command.binary, command.args, { cwd: corpus.dir, reject: false });
    expect(fs.existsSync(path.join(corpus.dir, 'inside.txt'))).toBe(false);
    expect(fs.readFileSync(path.join(scratch, 'ok.txt'), 'utf8')).toBe('ok\n');
  });

  it("hides the home's key and other projects, and keeps a project and a CLI folder that live under hidden ones", async () => {
    const home = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'factory-hidden-home-')));
    const project = path.join(home, '.ssh', 'work', 'project');
    const cliFolder = path.join(home, 'tools', 'cli-config');
    for (const folder of [project, cliFolder, path.join(home, 'code', 'other')])
      fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(home, '.ssh', 'id_rsa'), 'DECOY-KEY\n');
    fs.writeFileSync(path.join(home, '.bash_history'), 'DECOY-HISTORY\n');
    fs.writeFileSync(path.join(home, 'code', 'other', 'secret.txt'), 'DECOY-PROJECT\n');
    fs.writeFileSync(path.join(project, 'calc.py'), 'VISIBLE-PROJECT\n');
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-scratch-'));
    const spec = {
      projectDir: project,
      writeProject: true,
      protectedPaths: [],
      writable: [cliFolder, scratch],
      hideIn: { home, keep: [] },
    };
    const script = [
      'cat ~/.ssh/id_rsa ~/.bash_history ~/code/other/secret.txt calc.py',
      'echo written > new.py; echo saved > ~/tools/cli-config/state; echo planted > ~/.ssh/authorized_keys',
      'ls -A ~/.ssh',
    ].join('; ');
    const command = sandboxedCommand(
      sandbox as Exclude<typeof sandbox, { kind: 'none' }>,
      spec,
      'sh',
      ['-c', script],
      scratch,
    );
    const run = await execa(command.binary, command.args, { cwd: project, reject: false, env: { HOME: home } });
    expect(run.stdout).toContain('VISIBLE-PROJECT');
    expect(run.stdout).not.toMatch(/DECOY/);
    // ~/.ssh inside is an empty folder but for the way to the project, and what is planted there is lost.
    expect(run.stdout.trim().split('\n').at(-1)).toBe('work');
    expect(fs.readFileSync(path.join(project, 'new.py'), 'utf8')).toBe('written\n');
    expect(fs.readFileSync(path.join(cliFolder, 'state'), 'utf8')).toBe('saved\n');
    expect(fs.readdirSync(path.join(home, '.ssh')).sort()).toEqual(['id_rsa', 'work']);
  });

  it("lets node start and reach a unix socket outside, as factory's MCP server must", async () => {
    const corpus = containmentProject({});
    const socket = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'factory-sock-')), 'mcp.sock');
    const server = net.createServer((connection) => connection.end('hello from factory\n'));
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-scratch-'));
      const spec = { projectDir: corpus.dir, writeProject: true, protectedPaths: ['.git'], writable: [scratch] };
      const script = `require('net').connect(${JSON.stringify(socket)}).on('data', (d) => process.stdout.write(d))`;
      const command = sandboxedCommand(
        sandbox as Exclude<typeof sandbox, { kind: 'none' }>,
        spec,
        process.execPath,
        ['-e', script],
        scratch,
      );
      const run = await execa(command.binary, command.args, { cwd: corpus.dir, reject: false, timeout: 30_000 });
      expect(run.stdout).toBe('hello from factory');
    } finally {
      server.close();
    }
  });
});

describe('a CLI that ignores its rules, with no OS sandbox', () => {
  it("factory's check after the call puts back .git/ and removes the links out, reporting each", async () => {
    const corpus = containmentProject({});
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-home-'));
    const none = { kind: 'none' as const, reason: 'turned off for this test', fix: '' };
    const worker = new ContainedWorker(
      new CliWorker(claudeEngine(hostileCli(corpus)), { env: { HOME: home }, timeoutMs: 60_000, osSandbox: none }),
      'coder',
    );

    const result = await runWorkerOnce(worker, corpus.dir, { lockedPaths: new Set([corpus.lockedTest]) });

    const refused = result.activity.flatMap((item) => (item.kind === 'edit' ? [`${item.path}: ${item.reason}`] : []));
    expect(refused).toEqual([
      '.git/config: inside .git/, put back as it was',
      '.git/hooks/pre-commit: inside .git/, put back as it was',
      `fresh: a symlink leading outside the project (to ${corpus.decoy}), removed`,
      'hard.txt: a hard link to a file outside the project, removed',
    ]);
    expect(fs.existsSync(path.join(corpus.dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
    expect(fs.readFileSync(path.join(corpus.dir, '.git', 'config'), 'utf8')).not.toContain('hooksPath');
    for (const link of ['fresh', 'hard.txt']) expect(fs.existsSync(path.join(corpus.dir, link))).toBe(false);
  });
});

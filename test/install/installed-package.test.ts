// The package as a user gets it: `npm pack`, `npm install -g --prefix` under an empty HOME, then the installed `factory`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { makeProject, read, rightAdd, wrongAdd } from '../support/project.js';
import { requirePytest } from '../support/python.js';
import { requireTmux, Tmux } from '../support/tmux.js';

const root = path.resolve(import.meta.dirname, '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-install-'));
const home = path.join(work, 'home');
const prefix = path.join(work, 'prefix');
const factory = path.join(prefix, 'bin', 'factory');
// The machine's own network set-up (certificate authorities, proxies) is all that is kept of this environment.
const network = Object.fromEntries(
  Object.entries(process.env).filter(([key]) =>
    /^(NODE_EXTRA_CA_CERTS|SSL_CERT_(FILE|DIR)|(https?|no)_proxy)$/i.test(key),
  ),
);
// Otherwise only what a user's shell would have (PATH, for python3 with pytest): no npm_config_* from the npm
// running this suite, no FACTORY_HOME, no CI.
const env = {
  ...network,
  HOME: home,
  PATH: [path.dirname(process.execPath), path.join(prefix, 'bin'), process.env.PATH].join(':'),
  TERM: 'xterm-256color',
} as Record<string, string>;
const run = (file: string, args: string[], cwd = work) =>
  execa(file, args, { cwd, env, extendEnv: false, reject: false });
const skip = requirePytest() ?? requireTmux();
const tmux = new Tmux();

type Packed = {
  name: string;
  version: string;
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
};
let packed: Packed;

beforeAll(async () => {
  fs.mkdirSync(home);
  // prepack builds the bundle; the JSON report is the last thing npm prints.
  const pack = await execa('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: root,
    env: { ...env, npm_config_cache: path.join(home, '.npm') },
    extendEnv: false,
  });
  packed = (JSON.parse(pack.stdout.slice(pack.stdout.lastIndexOf('\n[') + 1)) as Packed[])[0]!;
  const install = await run('npm', [
    'install',
    '-g',
    '--prefix',
    prefix,
    '--no-audit',
    '--no-fund',
    path.join(work, packed.filename),
  ]);
  expect(install.exitCode, `npm install -g failed:\n${install.stderr}`).toBe(0);
  const node = await run('node', ['--version']);
  const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log(
    `install check: ${packed.name}@${packed.version}, tarball ${packed.filename} ${kB(packed.size)} (unpacked ${kB(packed.unpackedSize)}, ${packed.files.length} files), Node ${node.stdout}`,
  );
}, 600_000);

afterAll(async () => {
  await tmux.kill();
  fs.rmSync(work, { recursive: true, force: true });
});

describe.skipIf(skip)(`the installed package${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('ships what runs (bin, bundle, demo, README, LICENSE) and no tests or sources', () => {
    expect(packed.name).toBe(packageJson.name);
    expect(packed.version).toBe(packageJson.version);
    const files = packed.files.map((file) => file.path);
    for (const needed of [
      'bin/factory.js',
      'dist/cli.js',
      'demo/project/demo-script.json',
      'demo/project/gitignore',
      'README.md',
      'LICENSE',
      'package.json',
    ])
      expect(files).toContain(needed);
    expect(
      files.filter(
        (file) =>
          /^(test|source|engine|components|scripts|bench)\//.test(file) ||
          file.endsWith('.ts') ||
          file.endsWith('.map'),
      ),
    ).toEqual([]);
  });

  it('answers --version and --help', async () => {
    const version = await run(factory, ['--version']);
    expect(version).toMatchObject({ exitCode: 0, stdout: packageJson.version });
    const help = await run(factory, ['--help']);
    expect(help.exitCode, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^Usage: factory \[options\] \[command\]/);
    for (const command of ['init', 'run', 'tui', 'demo']) expect(help.stdout).toContain(command);
  });

  it('init writes a project, and a scripted run takes one from red to green', async () => {
    const fresh = path.join(work, 'fresh');
    const init = await run(factory, ['init', fresh]);
    expect(init.exitCode, init.stderr).toBe(0);
    for (const file of ['factory_config.md', 'RFP/requirements.md', 'RFP/tasks.md', '.git'])
      expect(fs.existsSync(path.join(fresh, file)), file).toBe(true);

    const dir = makeProject({
      script: { worker: [{ write: { 'calc.py': wrongAdd } }, { write: { 'calc.py': rightAdd } }] },
    });
    try {
      const result = await run(factory, ['run'], dir);
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stdout).toContain('run finished: green, 1/1 task(s) green');
      expect(read(dir, 'RFP/tasks.md')).toContain('- [x] Add numbers');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('factory demo draws its first frame in a real terminal', async () => {
    const quote = (word: string): string => `'${word.replaceAll("'", "'\\''")}'`;
    const vars = Object.entries(env)
      .map(([key, value]) => quote(`${key}=${value}`))
      .join(' ');
    await tmux.start(
      'demo',
      `env -i ${vars} ${quote(factory)} demo --dir ${quote(path.join(work, 'demo'))}; echo "factory exited with $?"; sleep 600`,
    );
    const screen = await vi.waitFor(
      async () => {
        const text = await tmux.screen('demo');
        expect(text).toContain('4 Diff');
        return text;
      },
      { timeout: 60_000, interval: 250 },
    );
    for (const title of ['1 Worker', '2 Tests', '3 Supervisor']) expect(screen).toContain(title);
    expect(await tmux.alternateScreen('demo')).toBe(true);
  });
});

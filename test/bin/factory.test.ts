import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { execaSync } from 'execa';
import packageJson from '../../package.json' with { type: 'json' };

/** An installed Node older than engines.node asks for (Debian's node 20 here); FACTORY_OLD_NODE names another. */
const oldNode = process.env.FACTORY_OLD_NODE ?? '/usr/bin/node';
const oldNodeVersion = (() => {
  try {
    return execaSync(oldNode, ['--version']).stdout.trim();
  } catch {
    return undefined;
  }
})();
const tooNew = oldNodeVersion !== undefined && Number(/^v(\d+)/.exec(oldNodeVersion)?.[1]) >= 22;
const noOldNode =
  oldNodeVersion === undefined ? `no node at ${oldNode}` : tooNew ? `${oldNode} is ${oldNodeVersion}` : '';
if (noOldNode && process.env.CI === 'true')
  throw new Error(`CI=true and no Node older than 22 to run the bin under (${noOldNode}; set FACTORY_OLD_NODE)`);

const oldNodeSays = (version: string, at: string): string =>
  `factory needs Node 22.12 or later (package.json engines.node "${packageJson.engines.node}"); this is Node ` +
  `${version} at ${at}. Install a newer Node (https://nodejs.org) and run it again.`;

/** Runs the bin under this Node made to report another version, before anything of the bin runs. */
const asNodeVersion = (version: string, args: string[]) =>
  execa(
    process.execPath,
    [
      '--import',
      `data:text/javascript,Object.defineProperty(process,"versions",{value:{...process.versions,node:"${version}"}})`,
      'bin/factory.js',
      ...args,
    ],
    { reject: false },
  );

describe('bin/factory.js', () => {
  it.skipIf(noOldNode !== '')(
    `on an older Node (${oldNodeVersion ?? oldNode}) says it needs 22.12, before loading the CLI`,
    async () => {
      for (const args of [['run'], ['--help'], ['--version'], ['status', '-C', os.tmpdir()]]) {
        const result = await execa(oldNode, ['bin/factory.js', ...args], { reject: false });
        expect(result.exitCode).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toBe(oldNodeSays(oldNodeVersion!.slice(1), oldNode));
      }
    },
  );

  it('compares the version with engines.node part by part: 22.11.9 is refused, 22.12.0 and 23.0.0 start', async () => {
    const refused = await asNodeVersion('22.11.9', ['run']);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toBe(oldNodeSays('22.11.9', process.execPath));
    for (const version of ['22.12.0', '23.0.0']) {
      const started = await asNodeVersion(version, ['--version']);
      expect(started.stderr).toBe('');
      expect(started.stdout).toBe(packageJson.version);
    }
  });

  it('answers --version and -v with the version in package.json', async () => {
    for (const flag of ['--version', '-v']) {
      const result = await execa(process.execPath, ['bin/factory.js', flag]);
      expect(result.stdout).toBe(packageJson.version);
    }
  });

  it('without the bundle says in one line to run npm run build, with no stack trace', async () => {
    const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-no-dist-'));
    try {
      fs.mkdirSync(path.join(clone, 'bin'));
      fs.copyFileSync('bin/factory.js', path.join(clone, 'bin/factory.js'));
      fs.copyFileSync('package.json', path.join(clone, 'package.json'));
      const result = await execa(process.execPath, [path.join(clone, 'bin/factory.js'), '--help'], { reject: false });
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n')).toEqual([
        `factory: the CLI bundle ${path.join(clone, 'dist/cli.js')} is missing; run \`npm run build\` in ${clone}${path.sep}`,
      ]);
    } finally {
      fs.rmSync(clone, { recursive: true, force: true });
    }
  });
});

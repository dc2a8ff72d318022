import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };

describe('bin/factory.js', () => {
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

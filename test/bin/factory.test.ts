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
});

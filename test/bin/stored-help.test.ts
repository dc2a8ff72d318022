import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

// bin/factory.js answers `--help` and `-h` from dist/help.json (stored by scripts/build.mjs) instead of loading the
// CLI: whatever the width, a user must see what commander itself writes, with the same exit code.
const stored = JSON.parse(fs.readFileSync('dist/help.json', 'utf8')) as {
  at80: string;
  unwrapped: string;
  unwrappedFrom: number;
};

/** The command's output on a pseudo-terminal of the given width, made by `script` as the startup bench does. */
async function onTerminal(args: string[], columns: number): Promise<{ exitCode?: number; output: string }> {
  const line = `stty cols ${columns} rows 24; exec ${[process.execPath, ...args].map((word) => `'${word}'`).join(' ')}`;
  const result = await execa('script', ['-qfec', line, '/dev/null'], { reject: false, stdin: 'ignore' });
  return { exitCode: result.exitCode, output: result.stdout };
}

const clones: string[] = [];
afterAll(() => {
  for (const clone of clones) fs.rmSync(clone, { recursive: true, force: true });
});

describe('factory --help from the stored text', () => {
  it('writes what commander writes, off a terminal, for --help and -h, and exits 0', async () => {
    for (const flag of ['--help', '-h']) {
      const fromBin = await execa(process.execPath, ['bin/factory.js', flag], { reject: false });
      const fromCommander = await execa(process.execPath, ['dist/cli.js', flag], { reject: false });
      expect(fromBin.exitCode).toBe(0);
      expect(fromCommander.exitCode).toBe(0);
      expect(fromBin.stderr).toBe('');
      expect(fromBin.stdout).toBe(fromCommander.stdout);
      expect(`${fromBin.stdout}\n`).toBe(stored.at80);
    }
  });

  it('writes what commander writes on terminals of 80, 100, the unwrapped width and 250 columns', async () => {
    for (const columns of [80, 100, stored.unwrappedFrom - 1, stored.unwrappedFrom, 250]) {
      const fromBin = await onTerminal(['bin/factory.js', '--help'], columns);
      const fromCommander = await onTerminal(['dist/cli.js', '--help'], columns);
      expect(fromBin.exitCode).toBe(0);
      expect(fromBin.output, `${columns} columns`).toBe(fromCommander.output);
    }
    // The two stored widths really differ (the 80-column text wraps), so the comparison above tells them apart.
    expect(stored.unwrappedFrom).toBeGreaterThan(80);
    expect(stored.at80).not.toBe(stored.unwrapped);
  });

  it('uses the stored text only at the widths it was stored for, and commander at others or without it', async () => {
    const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-stored-help-'));
    clones.push(clone);
    for (const folder of ['bin', 'dist']) fs.cpSync(folder, path.join(clone, folder), { recursive: true });
    fs.copyFileSync('package.json', path.join(clone, 'package.json'));
    fs.symlinkSync(path.resolve('node_modules'), path.join(clone, 'node_modules'));
    const bin = path.join(clone, 'bin/factory.js');
    const marked = { ...stored, at80: 'stored at 80\n', unwrapped: 'stored unwrapped\n' };
    fs.writeFileSync(path.join(clone, 'dist/help.json'), JSON.stringify(marked));
    expect((await execa(process.execPath, [bin, '--help'])).stdout).toBe('stored at 80');
    expect((await onTerminal([bin, '-h'], stored.unwrappedFrom + 5)).output).toBe('stored unwrapped');
    const commanders = (await execa(process.execPath, ['dist/cli.js', '--help'])).stdout;
    expect((await onTerminal([bin, '--help'], 100)).output).toBe(
      (await onTerminal(['dist/cli.js', '--help'], 100)).output,
    );
    expect((await execa(process.execPath, [bin, '--help', 'run'])).stdout).not.toContain('stored');
    fs.rmSync(path.join(clone, 'dist/help.json'));
    expect((await execa(process.execPath, [bin, '--help'])).stdout).toBe(commanders);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

// bin/factory.js answers `--help` and `-h` from dist/help.json (stored by scripts/build.mjs) instead of loading the
// CLI: whatever the width, a user must see what commander itself writes, with the same exit code.
type WidthRun = { from: number; to: number; text: string };
const stored = JSON.parse(fs.readFileSync('dist/help.json', 'utf8')) as {
  byWidth: WidthRun[];
  unwrapped: string;
  unwrappedFrom: number;
};
const storedAt = (width: number) => stored.byWidth.find((run) => run.from <= width && width <= run.to)?.text;

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
      expect(`${fromBin.stdout}\n`).toBe(storedAt(80));
    }
  });

  it('writes what commander writes on terminals from 30 to 250 columns, wrapped or not', async () => {
    for (const columns of [30, 40, 57, 80, 100, 120, 150, stored.unwrappedFrom - 1, stored.unwrappedFrom, 250]) {
      const fromBin = await onTerminal(['bin/factory.js', '--help'], columns);
      const fromCommander = await onTerminal(['dist/cli.js', '--help'], columns);
      expect(fromBin.exitCode).toBe(0);
      expect(fromBin.output, `${columns} columns`).toBe(fromCommander.output);
    }
    // The widths really wrap differently, so the comparison above tells them apart.
    expect(new Set([80, 100, 120, 150].map(storedAt)).size).toBe(4);
    expect(storedAt(stored.unwrappedFrom - 1)).not.toBe(stored.unwrapped);
    // Every width below the longest line is stored, once.
    expect(stored.byWidth.map((run) => [run.from, run.to])).toEqual(
      stored.byWidth.map((run, index) => [(stored.byWidth[index - 1]?.to ?? 0) + 1, run.to]),
    );
    expect(stored.byWidth.at(-1)?.to).toBe(stored.unwrappedFrom - 1);
  });

  it('uses the stored text of the width, and commander for other commands or without it', async () => {
    const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-stored-help-'));
    clones.push(clone);
    for (const folder of ['bin', 'dist']) fs.cpSync(folder, path.join(clone, folder), { recursive: true });
    fs.copyFileSync('package.json', path.join(clone, 'package.json'));
    fs.symlinkSync(path.resolve('node_modules'), path.join(clone, 'node_modules'));
    const bin = path.join(clone, 'bin/factory.js');
    const marked = {
      ...stored,
      byWidth: stored.byWidth.map((run) => ({ ...run, text: `stored at ${run.from}-${run.to}\n` })),
      unwrapped: 'stored unwrapped\n',
    };
    const markOf = (width: number) => marked.byWidth.find((run) => run.from <= width && width <= run.to)?.text.trim();
    fs.writeFileSync(path.join(clone, 'dist/help.json'), JSON.stringify(marked));
    expect((await execa(process.execPath, [bin, '--help'])).stdout).toBe(markOf(80));
    expect((await onTerminal([bin, '-h'], stored.unwrappedFrom + 5)).output).toBe('stored unwrapped');
    expect((await onTerminal([bin, '--help'], 100)).output).toBe(markOf(100));
    const commanders = (await execa(process.execPath, ['dist/cli.js', '--help'])).stdout;
    expect((await execa(process.execPath, [bin, '--help', 'run'])).stdout).not.toContain('stored');
    fs.rmSync(path.join(clone, 'dist/help.json'));
    expect((await execa(process.execPath, [bin, '--help'])).stdout).toBe(commanders);
  });
});

// The lint gate bites: the real biome binary, with the project's own biome.jsonc, on files made in a temp dir.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const biome = path.join(root, 'node_modules', '.bin', 'biome');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` under a fresh folder holding a copy of biome.jsonc, runs `biome check` there. */
async function check(files: Record<string, string>): Promise<{ exitCode?: number; output: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-lint-'));
  dirs.push(dir);
  fs.copyFileSync(path.join(root, 'biome.jsonc'), path.join(dir, 'biome.jsonc'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const { exitCode, all } = await execa(biome, ['check', '--vcs-enabled=false', '--colors=off', '.'], {
    cwd: dir,
    reject: false,
    all: true,
  });
  return { exitCode, output: String(all) };
}

describe('the lint gate', () => {
  it.each([
    ['ink', "import { Text } from 'ink';\nexport const probe = Text;\n"],
    ['ink-spinner', "import Spinner from 'ink-spinner';\nexport const probe = Spinner;\n"],
    ['react', "import { useState } from 'react';\nexport const probe = useState;\n"],
    ['components/', "import { Pane } from '../../components/Pane.js';\nexport const probe = Pane;\n"],
    ['themes/', "import { dark } from '../../themes/dark.js';\nexport const probe = dark;\n"],
  ])('refuses an import of %s from engine/, naming the rule and the file', async (_source, text) => {
    const { exitCode, output } = await check({ 'engine/loop/probe.ts': text });
    expect(exitCode).not.toBe(0);
    expect(output).toContain('engine/loop/probe.ts');
    expect(output).toContain('lint/style/noRestrictedImports');
    expect(output).toContain('engine/ has no UI');
  });

  it('refuses an import of the engine from engine/contract/, and React there too', async () => {
    const { exitCode, output } = await check({
      'engine/contract/probe.ts':
        "import type { RunDeps } from '../loop/run-deps.js';\n\nexport type Probe = RunDeps;\n",
      'engine/contract/react-probe.ts': "import { useState } from 'react';\n\nexport const probe = useState;\n",
    });
    expect(exitCode).not.toBe(0);
    expect(output).toContain('engine/contract/ imports nothing of the engine');
    expect(output).toContain('engine/contract/react-probe.ts');
    expect(output).toContain('engine/ has no UI');
  });

  it.each([
    ['values', 'import { b } from', 'import { a } from'],
    ['types only', 'import type { B } from', 'import type { A } from'],
  ])('refuses an import circle (%s), naming the files in it', async (_kind, aImports, bImports) => {
    const { exitCode, output } = await check({
      'engine/contract/a.ts': `${aImports} '../loop/b.js';\n\nexport const a = 1;\nexport type A = number;\n`,
      'engine/loop/b.ts': `${bImports} '../contract/a.js';\n\nexport const b = 2;\nexport type B = number;\n`,
    });
    expect(exitCode).not.toBe(0);
    expect(output).toContain('lint/suspicious/noImportCycles');
    expect(output).toContain('engine/contract/a.ts');
    expect(output).toContain('engine/loop/b.ts');
  });

  it('refuses a badly formatted file, naming it', async () => {
    const { exitCode, output } = await check({ 'engine/spacing.ts': 'export const probe   =  [1,2]\n' });
    expect(exitCode).not.toBe(0);
    expect(output).toMatch(/engine\/spacing\.ts format/);
  });

  it('refuses a hook called under a condition in components/', async () => {
    const text = [
      "import { useState } from 'react';",
      '',
      'export function Probe({ on }: { on: boolean }): number {',
      '  if (on) useState(0);',
      '  return 1;',
      '}',
      '',
    ].join('\n');
    const { exitCode, output } = await check({ 'components/Probe.tsx': text });
    expect(exitCode).not.toBe(0);
    expect(output).toContain('lint/correctness/useHookAtTopLevel');
  });

  it('passes well-formatted files that keep the boundary: Ink in components/, node: modules in engine/', async () => {
    const { exitCode, output } = await check({
      'components/Probe.tsx': "import { Text } from 'ink';\n\nexport const Probe = Text;\n",
      'engine/loop/probe.ts':
        "import path from 'node:path';\nimport { round } from './round.js';\n\nexport const probe = [path, round];\n",
    });
    expect(output).toContain('Checked 3 files'); // the two probes and biome.jsonc
    expect(exitCode).toBe(0);
  });
});

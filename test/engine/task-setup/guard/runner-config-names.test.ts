// Every configuration file a runner reads by its own search list (pytest's configfile, babel's project-wide and
// relative configs, TypeScript's, vite/vitest's, behave's, cucumber's, go's workspace, cargo's config and toolchain,
// Python's .pth files): a model that creates one has it removed and reported before the tests run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execaSync } from 'execa';
import { describe, expect, it } from 'vitest';
import { ProtectedFiles } from '../../../../engine/task-setup/guard/protected-files.js';

const created = [
  'pytest.ini',
  '.pytest.ini',
  'pytest.toml',
  '.pytest.toml',
  'tests/pytest.toml',
  'babel.config.js',
  'babel.config.cjs',
  'babel.config.mjs',
  'babel.config.json',
  'babel.config.cts',
  '.babelrc',
  '.babelrc.js',
  '.babelrc.cjs',
  '.babelrc.mjs',
  '.babelrc.json',
  '.babelrc.cts',
  'src/.babelrc.js',
  'tsconfig.json',
  'tsconfig.test.json',
  'jsconfig.json',
  'vitest.config.ts',
  'vite.config.mjs',
  'vitest.workspace.ts',
  'vitest.projects.ts',
  'behave.ini',
  '.behaverc',
  'cucumber.yaml',
  'cucumber.ts',
  'go.work',
  '.cargo/config.toml',
  '.cargo/config',
  'rust-toolchain.toml',
  'rust-toolchain',
  'lib/evil.pth',
  // The names locked before: each still matches past the quick test of names that runner-config.ts does first.
  'conftest.py',
  'tests/unit/conftest.py',
  'jest.config.js',
  'jest.config.json',
  'features/environment.py',
  'cucumber.js',
  'sitecustomize.py',
  'lib/usercustomize.py',
];
/** Shared files: new ones are refused only when they hold the runner's part. */
const sections = {
  'pyproject.toml': '[tool.behave]\nexclude_re = game\n',
  'tox.ini': '[behave]\nexclude_re = game\n',
  'package.json': '{ "babel": { "plugins": ["./no-expect"] } }\n',
};

describe('runner configuration the model creates', () => {
  it('is removed and reported, name by name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-config-names-'));
    execaSync('git', ['init', '-q'], { cwd: dir });
    fs.writeFileSync(path.join(dir, 'calc.py'), 'x = 1\n');
    const store = ProtectedFiles.take(path.join(dir, '.factory', 'protected.json'), dir, [], ['calc.py']);
    const files: Record<string, string> = { ...Object.fromEntries(created.map((file) => [file, 'x\n'])), ...sections };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    const violations = store.restore(dir, ['calc.py', ...Object.keys(files)], true);
    expect(violations.map((violation) => [violation.path, violation.kind, violation.what]).sort()).toEqual(
      Object.keys(files)
        .map((file) => [file, 'created', 'config'])
        .sort(),
    );
    for (const file of Object.keys(files)) expect(fs.existsSync(path.join(dir, file)), file).toBe(false);
    expect(fs.existsSync(path.join(dir, 'calc.py'))).toBe(true);
  });
});

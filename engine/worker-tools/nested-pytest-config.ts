// pytest takes its config file from the common folder of its arguments upwards: a "sub/pytest.ini" the model wrote
// would give a run narrowed to "sub/test_x.py" options (addopts) that the project's own run never reads.
import fs from 'node:fs';
import path from 'node:path';

/** The files pytest reads as its config, and the section that makes it one (pytest.ini always is). */
const configs: ReadonlyArray<readonly [string, RegExp]> = [
  ['pytest.ini', /(?:)/],
  ['.pytest.ini', /(?:)/],
  ['pyproject.toml', /^\s*\[tool\.pytest(?:\.ini_options)?\]/m],
  ['tox.ini', /^\s*\[pytest\]/m],
  ['setup.cfg', /^\s*\[tool:pytest\]/m],
];

/** The first pytest config (project-relative) in a folder below the project that holds one of these files. */
export function nestedPytestConfig(projectDir: string, files: readonly string[]): string | undefined {
  for (const file of files) {
    let dir = isFolder(path.join(projectDir, file)) ? file : path.posix.dirname(file);
    while (dir !== '.' && dir !== '' && dir !== '/') {
      const found = configs.find(([name, section]) => {
        const text = readText(path.join(projectDir, dir, name));
        return text !== undefined && section.test(text);
      });
      if (found) return `${dir}/${found[0]}`;
      dir = path.posix.dirname(dir);
    }
  }
  return undefined;
}

function isFolder(file: string): boolean {
  return fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

// A project whose library is a git submodule at lib/ (a repository of its own, committed), with a script whose worker
// writes the right lib/calc.py: the model's edit lands inside the submodule.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execaSync } from 'execa';
import { git, makeProject, rightAdd } from './project.js';

export function submoduleProject(config: Record<string, string>): string {
  const library = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-library-'));
  const inLibrary = (...args: string[]): string => execaSync('git', args, { cwd: library }).stdout;
  inLibrary('init', '-q', '-b', 'main');
  fs.writeFileSync(path.join(library, 'README.md'), 'the library\n');
  inLibrary('add', '-A');
  inLibrary('-c', 'user.name=test', '-c', 'user.email=test@example.com', 'commit', '-q', '-m', 'library');
  const dir = makeProject({
    config,
    script: { worker: [{ write: { 'lib/calc.py': rightAdd } }] },
    files: { 'conftest.py': 'import os, sys\nsys.path.insert(0, os.path.join(os.path.dirname(__file__), "lib"))\n' },
  });
  git(dir, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', library, 'lib');
  git(dir, 'commit', '-q', '-m', 'the library as a submodule');
  return dir;
}

// What the OS sandbox hides in a home (credentials, histories, other projects) and what it keeps: the project, the
// CLI's folders and PATH, even under a hidden folder, and the Seatbelt rules' text.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bwrapHideArgs, hiddenPaths, seatbeltHideRules } from '../../../engine/containment/hidden-paths.js';

function makeHome(files: string[]): string {
  const home = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'factory-hide-home-')));
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(home, file)), { recursive: true });
    if (!file.endsWith('/')) fs.writeFileSync(path.join(home, file), 'secret\n');
  }
  return home;
}

describe('hiddenPaths', () => {
  it('hides credentials, histories and the home folders without a dot; keeps tools and settings', () => {
    const home = makeHome([
      '.ssh/id_rsa',
      '.aws/credentials',
      '.config/gcloud/creds.json',
      '.config/nvim/init.lua',
      '.docker/config.json',
      '.docker/buildx/x',
      '.netrc',
      '.zsh_history',
      'code/other/main.py',
      'Documents/tax.pdf',
      'notes.txt',
      'go/pkg/mod/x',
      'bin/tool',
      '.nvm/node',
    ]);
    const { hidden, shownAgain } = hiddenPaths(home, []);
    const relative = hidden.map((item) => `${path.relative(home, item.path)}${item.folder ? '/' : ''}`).sort();
    expect(relative).toEqual([
      '.aws/',
      '.config/gcloud/',
      '.docker/config.json',
      '.netrc',
      '.ssh/',
      '.zsh_history',
      'Documents/',
      'code/',
      'notes.txt',
    ]);
    expect(shownAgain).toEqual([]);
  });

  it('gives bubblewrap a tmpfs over folders, /dev/null over files, and binds back what is kept under them', () => {
    const home = makeHome(['.ssh/id_rsa', '.ssh/work/project/calc.py', '.netrc', 'tools/bin/claude']);
    const project = path.join(home, '.ssh', 'work', 'project');
    const args = bwrapHideArgs(home, [project, path.join(home, 'tools', 'bin')]);
    expect(args).toEqual([
      '--tmpfs',
      path.join(home, '.ssh'),
      '--ro-bind',
      '/dev/null',
      path.join(home, '.netrc'),
      '--tmpfs',
      path.join(home, 'tools'),
      '--ro-bind',
      project,
      project,
      '--ro-bind',
      path.join(home, 'tools', 'bin'),
      path.join(home, 'tools', 'bin'),
    ]);
  });

  it('hides nothing inside a kept path: a project that is the home keeps its files', () => {
    const home = makeHome(['.ssh/id_rsa', 'src/app.py']);
    expect(bwrapHideArgs(home, [home])).toEqual([]);
  });

  it('writes Seatbelt rules that deny reading each hidden path and allow the kept ones again', () => {
    const home = makeHome(['.ssh/id_rsa', '.git-credentials', 'work "x"/project/a.py']);
    const project = path.join(home, 'work "x"', 'project');
    const quoted = (file: string): string => JSON.stringify(file);
    expect(seatbeltHideRules(home, [project])).toEqual([
      '(deny file-read*',
      `  (subpath ${quoted(path.join(home, '.ssh'))})`,
      `  (literal ${quoted(path.join(home, '.git-credentials'))})`,
      `  (subpath ${quoted(path.join(home, 'work "x"'))})`,
      ')',
      '(allow file-read*',
      `  (subpath ${quoted(project)})`,
      ')',
    ]);
    expect(seatbeltHideRules(makeHome(['.config/nvim/init.lua']), [])).toEqual([]);
  });
});

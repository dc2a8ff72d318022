// gitRefusesPath agrees with the git on this machine: each path is offered to a real `git add`, and the predicate must
// say "refused" exactly when git said "invalid path".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execaSync } from 'execa';
import { describe, expect, it } from 'vitest';
import { gitRefusesPath } from '../../../engine/git/path-git-refuses.js';

const files = [
  '.GIT/config',
  'a/.Git/x',
  '.gIt',
  '.git./x',
  '.git. /x',
  '.git /x',
  'git~1/x',
  'a/GIT~1/x',
  '.git\\x',
  'x\\.git',
  '.git:x',
  '.git::$INDEX_ALLOCATION/x',
  '.git.x/y',
  '..git/x',
  '.gitignore',
  '.gitmodules',
  'git~2/x',
  ' .git/x',
  '.git~1/x',
  'back\\slash',
  'src/git.py',
];
const links = ['a/.gitmodules', '.GITMODULES', '.gitmodules.', 'gitmod~1', '.gitattributes', '.mailmap'];

describe('gitRefusesPath', () => {
  it('refuses what git add refuses with Linux defaults, and takes the rest', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-git-names-'));
    execaSync('git', ['init', '-q', dir]);
    const gitSays = (file: string): boolean => {
      const result = execaSync('git', ['add', '--', file], { cwd: dir, reject: false });
      return /invalid path/.test(result.stderr);
    };
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), 'x');
      expect(gitRefusesPath(file), file).toBe(gitSays(file));
    }
    fs.writeFileSync(path.join(dir, 'target'), 'x');
    for (const link of links) {
      fs.symlinkSync('target', path.join(dir, link));
      expect(gitRefusesPath(link, true), `link ${link}`).toBe(gitSays(link));
    }
    expect(files.filter((file) => gitRefusesPath(file))).toHaveLength(12);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

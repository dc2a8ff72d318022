// Hostile and malformed answers applied to a real folder: each edit is written correctly or refused with a reason, and nothing lands outside the project.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyParsedEdit } from '../../../engine/edits/apply-answer.js';
import { parseEdits } from '../../../engine/edits/parse-edits.js';

let root: string;
let project: string;
let outside: string;
const locked = new Set(['tests/test_calc.py']);
const read = (file: string): string => fs.readFileSync(path.join(project, file), 'utf8');

/** Every file under a folder with its content, to prove a folder was not touched. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isFile()) files[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
  }
  return files;
}

function apply(answer: string) {
  const parsed = parseEdits(answer);
  return [
    ...parsed.problems.map((problem) => ({ path: problem.path, action: 'refused', reason: problem.reason })),
    ...parsed.edits.map((edit) => applyParsedEdit(project, edit, locked)),
  ];
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-edits-'));
  project = path.join(root, 'project');
  outside = path.join(root, 'outside');
  fs.mkdirSync(path.join(project, '.git', 'hooks'), { recursive: true });
  fs.mkdirSync(path.join(project, 'tests'));
  fs.mkdirSync(path.join(project, 'src'));
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'target.py'), 'SAFE\n');
  fs.writeFileSync(path.join(project, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  fs.writeFileSync(path.join(project, 'calc.py'), 'def add(a, b):\n    return 0\n\n\ndef sub(a, b):\n    return 0\n');
  fs.writeFileSync(path.join(project, 'tests', 'test_calc.py'), 'def test_add(): ...\n');
  fs.symlinkSync(outside, path.join(project, 'link'));
  fs.symlinkSync(path.join(outside, 'target.py'), path.join(project, 'escape.py'));
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const block = (file: string, content: string): string => `${file}\n\`\`\`\n${content}\`\`\`\n`;
const swap = (file: string, search: string, replacement: string): string =>
  `${file}\n\`\`\`\n<<<<<<< SEARCH\n${search}=======\n${replacement}>>>>>>> REPLACE\n\`\`\`\n`;

describe('applying untrusted edit blocks', () => {
  it.each([
    ['path traversal', block('../outside/pwned.py', 'x\n'), /outside the project/],
    ['traversal through a subfolder', block('src/../../outside/pwned.py', 'x\n'), /outside the project/],
    ['backslash traversal', block('..\\outside\\pwned.py', 'x\n'), /outside the project/],
    ['absolute path', block('<outside>/abs.py', 'x\n'), /absolute path/],
    ['Windows drive path', block('C:\\outside\\pwned.py', 'x\n'), /absolute path/],
    ['into .git/', block('.git/hooks/post-commit', '#!/bin/sh\nrm -rf ~\n'), /inside \.git/],
    [
      'search/replace into .git/',
      swap('.git/HEAD', 'ref: refs/heads/main\n', 'ref: refs/heads/evil\n'),
      /inside \.git/,
    ],
    ['through a folder link out of the project', block('link/pwned.py', 'x\n'), /link that leads outside/],
    ['onto a file link out of the project', block('escape.py', 'PWNED\n'), /link that leads outside/],
    ['search/replace through a file link', swap('escape.py', 'SAFE\n', 'PWNED\n'), /link that leads outside/],
    ['onto a locked test', block('tests/test_calc.py', 'def test_add(): pass\n'), /locked test/],
    [
      'an unmatched SEARCH',
      swap('calc.py', 'def add(x, y):\n    return 0\n', 'def add(x, y):\n    return x + y\n'),
      /SEARCH text was not found \(first line: "def add\(x, y\):"\)/,
    ],
    ['a SEARCH matching two places', swap('calc.py', '    return 0\n', '    return 1\n'), /matches 2 places/],
    [
      'a REPLACE already applied',
      swap('calc.py', '    return a + b\n', '    return 0\n'),
      /REPLACE text is already in the file/,
    ],
    ['a SEARCH on a missing file', swap('missing.py', 'a\n', 'b\n'), /does not exist/],
    ['an empty SEARCH onto an existing file', swap('calc.py', '', 'x = 1\n'), /SEARCH part is empty/],
    ['an empty whole file over a file with content', 'calc.py\n```\n```\n', /is empty but the file is not/],
    ['a folder as the path', block('src/', 'x\n'), /not a regular file/],
    ['a file under a file', block('calc.py/inner.py', 'x\n'), /could not write/],
  ])('refuses %s with a reason and changes nothing', (_name, answer, reason) => {
    const before = { project: snapshot(project), outside: snapshot(outside) };
    const results = apply(answer.replace('<outside>', outside));
    expect(results).toEqual([expect.objectContaining({ action: 'refused', reason: expect.stringMatching(reason) })]);
    expect(snapshot(project)).toEqual(before.project);
    expect(snapshot(outside)).toEqual(before.outside);
    expect(fs.readdirSync(root).sort()).toEqual(['outside', 'project']);
  });

  it("applies a SEARCH that differs only by trailing spaces, keeping the file's CRLF line endings", () => {
    fs.writeFileSync(path.join(project, 'win.py'), 'def add(a, b):  \r\n    return 0\r\n');
    expect(apply(swap('win.py', 'def add(a, b):\n    return 0   \n', 'def add(a, b):\n    return a + b\n'))).toEqual([
      { kind: 'edit', path: 'win.py', action: 'write' },
    ]);
    expect(read('win.py')).toBe('def add(a, b):\r\n    return a + b\r\n');
  });

  it('applies several blocks to one file in order, and creates files and folders', () => {
    const answer = `${swap('calc.py', 'def add(a, b):\n    return 0\n', 'def add(a, b):\n    return a + b\n')}${swap('calc.py', 'def sub(a, b):\n    return 0\n', 'def sub(a, b):\n    return a - b\n')}${block('pkg/__init__.py', '')}${swap('pkg/util.py', '', 'X = 1\n')}`;
    expect(apply(answer).map((result) => `${result.action} ${result.path}`)).toEqual([
      'write calc.py',
      'write calc.py',
      'write pkg/__init__.py',
      'write pkg/util.py',
    ]);
    expect(read('calc.py')).toBe('def add(a, b):\n    return a + b\n\n\ndef sub(a, b):\n    return a - b\n');
    expect(read('pkg/__init__.py')).toBe('');
    expect(read('pkg/util.py')).toBe('X = 1\n');
  });

  it('applies the good blocks of a mixed answer and refuses the hostile ones', () => {
    const answer = `Sure!\n\n${block('../outside/target.py', 'PWNED\n')}${block('src/ok.py', 'OK = True\n')}${block('.git/config', '[core]\n')}`;
    expect(apply(answer).map((result) => `${result.action} ${result.path}`)).toEqual([
      'refused ../outside/target.py',
      'write src/ok.py',
      'refused .git/config',
    ]);
    expect(read('src/ok.py')).toBe('OK = True\n');
    expect(fs.readFileSync(path.join(outside, 'target.py'), 'utf8')).toBe('SAFE\n');
    expect(fs.existsSync(path.join(project, '.git', 'config'))).toBe(false);
  });
});

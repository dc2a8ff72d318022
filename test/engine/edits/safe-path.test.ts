// Edit paths from model output: inside the project only, never .git/, never a locked file (saying what it is), never
// through a link out.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../engine/edits/apply-edit.js';

describe('applyEdit', () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'edits-'));
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'outside-'));
  fs.mkdirSync(path.join(project, '.git'));
  fs.symlinkSync(outside, path.join(project, 'escape'));
  const locked = new Set([
    'tests/test_a.py',
    'calc_test.go',
    'factory_config.md',
    'RFP/tasks.md',
    'jest.config.js',
    'script.json',
  ]);

  it.each([
    ['../evil.py', 'points outside the project'],
    ['/etc/passwd', 'absolute path'],
    ['.git/hooks/pre-commit', 'inside .git/'],
    ['src/.git', 'inside .git/'],
    ['.GIT/config', 'git refuses this name'],
    ['lib/.gIt/hooks/post-checkout', 'git refuses this name'],
    ['.git./config', 'git refuses this name'],
    ['GIT~1/config', 'git refuses this name'],
    ['src/../../evil.py', 'points outside the project'],
    ['escape/evil.py', 'goes through a link that leads outside the project'],
    ['tests/test_a.py', 'tests/test_a.py is a locked test'],
    ['calc_test.go', 'calc_test.go is a locked test'],
    // factory's own files and the runner's configuration are not tests: the refusal says what they are.
    ['factory_config.md', "factory_config.md is the run's configuration (factory's own file)"],
    ['RFP/tasks.md', "RFP/tasks.md is factory's own file"],
    ['jest.config.js', "jest.config.js is the test runner's configuration"],
    ['script.json', 'script.json is locked for the run'],
    ['', 'empty or invalid path'],
  ])('refuses %j', (requested, reason) => {
    const activity = applyEdit(project, { path: requested, content: 'x' }, locked);
    expect(activity.action).toBe('refused');
    expect(activity.reason).toContain(reason);
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it('writes inside the project, creating folders, and deletes', () => {
    expect(applyEdit(project, { path: 'src/a.py', content: 'ok' }, locked)).toEqual({
      kind: 'edit',
      path: 'src/a.py',
      action: 'write',
    });
    expect(fs.readFileSync(path.join(project, 'src/a.py'), 'utf8')).toBe('ok');
    expect(applyEdit(project, { path: 'src/a.py', delete: true }, locked).action).toBe('delete');
    expect(fs.existsSync(path.join(project, 'src/a.py'))).toBe(false);
  });
});

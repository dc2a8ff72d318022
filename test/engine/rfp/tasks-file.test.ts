// RFP/tasks.md: checklist items are tasks, "(tests: …)" names their tests, ticking changes only that line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTasks, tickTask } from '../../../engine/rfp/tasks-file.js';

describe('tasks.md', () => {
  const text =
    '# Tasks\r\n\r\n- [ ] Parse dates (tests: tests/test_dates.py, tests/test_more.py)\r\n* [x] Already done\r\n1. [ ] Numbered\r\nplain line\r\n';

  it('parses items, their state and named tests', () => {
    expect(parseTasks(text)).toEqual([
      { index: 1, line: 3, title: 'Parse dates', done: false, tests: ['tests/test_dates.py', 'tests/test_more.py'] },
      { index: 2, line: 4, title: 'Already done', done: true, tests: [] },
      { index: 3, line: 5, title: 'Numbered', done: false, tests: [] },
    ]);
  });

  it('names tests in the test ids\' shape: no "./", "/" separators, a folder keeps its "/"', () => {
    expect(parseTasks('- [ ] Game (tests: ./game.spec.js, tests\\unit\\, src/**/*.test.ts)\n')[0]!.tests).toEqual([
      'game.spec.js',
      'tests/unit/',
      'src/**/*.test.ts',
    ]);
  });

  it('reads "(refactor)" beside "(tests: …)", and leaves it out of the title', () => {
    expect(parseTasks('- [ ] Split calc (refactor) (tests: test_calc.py)\n- [ ] Tidy up (Refactoring)\n')).toEqual([
      { index: 1, line: 1, title: 'Split calc', done: false, tests: ['test_calc.py'], refactor: true },
      { index: 2, line: 2, title: 'Tidy up', done: false, tests: [], refactor: true },
    ]);
    expect(parseTasks('- [ ] Refactor the parser\n')[0]).not.toHaveProperty('refactor');
  });

  it('ticks one task and keeps every other byte, CRLF included', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tasks-')), 'tasks.md');
    fs.writeFileSync(file, text);
    tickTask(file, parseTasks(text)[2]!);
    expect(fs.readFileSync(file, 'utf8')).toBe(text.replace('1. [ ] Numbered', '1. [x] Numbered'));
  });

  it('skips checklist lines inside fenced code blocks, and ticking never touches them', () => {
    const fenced = [
      '# Tasks',
      '- [ ] Real one',
      '```markdown',
      '- [ ] Example inside a fence',
      '```',
      '~~~~',
      '- [ ] Inside a tilde fence',
      '```',
      '- [ ] Still inside: a backtick fence does not close a tilde one',
      '~~~~',
      '- [ ] Real two',
      '',
    ].join('\n');
    const tasks = parseTasks(fenced);
    expect(tasks.map((task) => [task.index, task.line, task.title])).toEqual([
      [1, 2, 'Real one'],
      [2, 11, 'Real two'],
    ]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tasks-')), 'tasks.md');
    fs.writeFileSync(file, fenced);
    for (const task of tasks) tickTask(file, task);
    expect(fs.readFileSync(file, 'utf8')).toBe(
      fenced.replace('- [ ] Real one', '- [x] Real one').replace('- [ ] Real two', '- [x] Real two'),
    );
  });
});

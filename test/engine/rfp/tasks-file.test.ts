// RFP/tasks.md: checklist items are tasks, "(tests: …)" names their tests, ticking changes only that line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTasks, tickTask } from '../../../engine/rfp/tasks-file.js';
import { UserError } from '../../../engine/util/errors.js';

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

  it('reads "(after: 1, 3)" as the tasks it waits for, and leaves it out of the title', () => {
    const tasks = parseTasks(
      '- [x] One\n- [ ] Two\n- [ ] Three (After: 1,4 , 2) (tests: t.py)\n- [ ] (after: 2) Four\n',
    );
    expect(tasks[2]).toEqual({ index: 3, line: 3, title: 'Three', done: false, tests: ['t.py'], after: [1, 4, 2] });
    expect(tasks[3]).toMatchObject({ title: 'Four', after: [2] });
    expect(tasks[0]).not.toHaveProperty('after');
  });

  it.each([
    [
      '- [ ] One\n- [ ] Two (after: 1, next)\n',
      /^RFP\/tasks\.md:2: "\(after: 1, next\)": "next" is not a task number; /,
    ],
    ['- [ ] One (after: )\n', /^RFP\/tasks\.md:1: "\(after: \)": names no task number; /],
    [
      '- [ ] One\n\n- [ ] Two (after: 3)\n',
      /^RFP\/tasks\.md:3: task 2 is after task 3, but the checklist has 2 task\(s\); /,
    ],
    ['- [ ] One (after: 1)\n', /^RFP\/tasks\.md:1: task 1 is after itself; /],
    [
      '- [ ] One\n- [ ] Two (after: 3)\n- [ ] Three (after: 1, 2)\n',
      /^RFP\/tasks\.md:2: the "\(after: …\)" notes go round in a circle: task 2 \(line 2\) depends on task 3 \(line 3\), which depends on task 2 \(line 2\); one of them must come first$/,
    ],
  ])('refuses a bad "(after: …)", naming the line and what is allowed: %j', (text, message) => {
    expect(() => parseTasks(text)).toThrow(UserError);
    expect(() => parseTasks(text)).toThrow(message);
    if (!/circle/.test(String(message)))
      expect(() => parseTasks(text)).toThrow(
        /"\(after: …\)" takes the numbers of other tasks, counted down the checklist from 1, e\.g\. "\(after: 1, 3\)"$/,
      );
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

// Reads RFP/tasks.md (a Markdown checklist: each "- [ ]" item is a task) and ticks tasks when they go green.
import fs from 'node:fs';
import { normaliseTestPath } from '../test-runner/test-id.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { UserError } from '../util/errors.js';
import { describeCycle, findCycle } from '../util/find-cycle.js';

export type Task = {
  /** 1-based position among the checklist items. */
  index: number;
  /** 1-based line in tasks.md. */
  line: number;
  title: string;
  done: boolean;
  /**
   * Test files or globs named in the line as "(tests: a, b)", in the test ids' shape ("./a.js" -> "a.js"); empty when
   * none.
   */
  tests: string[];
  /** The line says "(refactor)": the code works and its tests pass; the task changes the code's shape. */
  refactor?: true;
  /** The line says "(after: 1, 3)": the tasks (numbers) that must be green before this one starts. */
  after?: number[];
};

const item = /^(\s*(?:[-*+]|\d+[.)])\s+\[)([ xX])(\]\s+)(.*)$/;
const testsNote = /\(\s*tests?\s*:\s*([^)]*)\)/i;
const refactorNote = /\(\s*refactor(?:ing)?\s*\)/i;
const afterNote = /\(\s*after\s*:\s*([^)]*)\)/i;

// A fence opens with ``` or ~~~ (three or more, indented at most 3 spaces) and closes with the same kind, at least as
// long.
const fence = /^ {0,3}(`{3,}|~{3,})/;

/** For each line, whether it is inside a fenced code block (the fence lines themselves included). */
function fencedLines(lines: string[]): boolean[] {
  let open: string | undefined;
  return lines.map((line) => {
    const marker = fence.exec(line)?.[1];
    if (open) {
      if (marker && marker[0] === open[0] && marker.length >= open.length && line.trim() === marker) open = undefined;
      return true;
    }
    if (marker) open = marker;
    return marker !== undefined;
  });
}

export function parseTasks(text: string): Task[] {
  const tasks: Task[] = [];
  const lines = text.split(/\r?\n/);
  const fenced = fencedLines(lines);
  lines.forEach((content, index) => {
    // A checklist shown in a code block is an example, not a task.
    const [, , mark, , text] = (!fenced[index] && item.exec(content)) || [];
    if (text === undefined) return;
    const body = text.trim();
    const note = testsNote.exec(body);
    const after = afterNote.exec(body)?.[1];
    tasks.push({
      index: tasks.length + 1,
      line: index + 1,
      title:
        body.replace(testsNote, '').replace(refactorNote, '').replace(afterNote, '').replace(/\s+/g, ' ').trim() ||
        body,
      done: mark !== ' ',
      tests: note?.[1]?.split(',').map(testPattern).filter(Boolean) ?? [],
      ...(refactorNote.test(body) ? { refactor: true as const } : {}),
      ...(after === undefined ? {} : { after: taskNumbers(after, index + 1) }),
    });
  });
  checkOrder(tasks);
  return tasks;
}

const where = (line: number): string => `RFP/tasks.md:${line}`;
const allowed =
  '"(after: …)" takes the numbers of other tasks, counted down the checklist from 1, e.g. "(after: 1, 3)"';

function taskNumbers(list: string, line: number): number[] {
  const items = list.split(',').map((item) => item.trim());
  const bad = items.find((item) => !/^\d+$/.test(item));
  if (bad !== undefined)
    throw new UserError(
      `${where(line)}: "(after: ${list.trim()})": ${bad ? `"${bad}" is not a` : 'names no'} task number; ${allowed}`,
    );
  return [...new Set(items.map(Number))];
}

/** Every "(after: …)" names another task of the checklist, and they make no circle. */
function checkOrder(tasks: readonly Task[]): void {
  for (const task of tasks)
    for (const other of task.after ?? []) {
      if (other === task.index)
        throw new UserError(`${where(task.line)}: task ${task.index} is after itself; ${allowed}`);
      if (other < 1 || other > tasks.length)
        throw new UserError(
          `${where(task.line)}: task ${task.index} is after task ${other}, but the checklist has ${tasks.length} ` +
            `task(s); ${allowed}`,
        );
    }
  const cycle = findCycle(new Map(tasks.map((task) => [task.index, task.after ?? []])));
  if (!cycle) return;
  const line = (number: number): number => tasks[number - 1]?.line ?? 0;
  throw new UserError(
    `${where(line(cycle[0] ?? 1))}: the "(after: …)" notes go round in a circle: ` +
      `${describeCycle(cycle, (number) => `task ${number} (line ${line(number)})`)}; one of them must come first`,
  );
}

/** Marks the task's line as done, leaving every other byte of the file as it was. */
export function tickTask(file: string, task: Task): void {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const target = lines[task.line - 1];
  const carriageReturn = target?.endsWith('\r') ? '\r' : '';
  const match = item.exec(target?.replace(/\r$/, '') ?? '');
  if (!match) return;
  lines[task.line - 1] = `${match[1]}x${match[3]}${match[4]}${carriageReturn}`;
  writeFileAtomic(file, lines.join('\n'));
}

/** A folder keeps its trailing "/" (it names what is in it). */
function testPattern(entry: string): string {
  const normal = normaliseTestPath(entry);
  return normal && /[\\/]\s*$/.test(entry) ? `${normal}/` : normal;
}

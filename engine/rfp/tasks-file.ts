// Reads RFP/tasks.md (a Markdown checklist: each "- [ ]" item is a task) and ticks tasks when they go green.
import fs from 'node:fs';
import { normaliseTestPath } from '../test-runner/test-id.js';
import { writeFileAtomic } from '../util/atomic-write.js';

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
};

const item = /^(\s*(?:[-*+]|\d+[.)])\s+\[)([ xX])(\]\s+)(.*)$/;
const testsNote = /\(\s*tests?\s*:\s*([^)]*)\)/i;
const refactorNote = /\(\s*refactor(?:ing)?\s*\)/i;

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
    tasks.push({
      index: tasks.length + 1,
      line: index + 1,
      title: body.replace(testsNote, '').replace(refactorNote, '').replace(/\s+/g, ' ').trim() || body,
      done: mark !== ' ',
      tests: note?.[1]?.split(',').map(testPattern).filter(Boolean) ?? [],
      ...(refactorNote.test(body) ? { refactor: true as const } : {}),
    });
  });
  return tasks;
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

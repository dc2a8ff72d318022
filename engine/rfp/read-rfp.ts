// Loads the requirement documents of a project and checks the required ones are there and not empty.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../util/errors.js';
import { parseTasks, type Task } from './tasks-file.js';

export type Rfp = { requirements: string; design: string; tasksFile: string; tasks: Task[] };

export function readRfp(projectDir: string): Rfp {
  const read = (name: string, required: boolean): string => {
    const file = path.join(projectDir, 'RFP', name);
    if (!fs.existsSync(file)) {
      if (required)
        throw new UserError(
          `RFP/${name} is missing in ${projectDir}: it is required; \`factory init\` writes a template`,
        );
      return '';
    }
    const text = fs.readFileSync(file, 'utf8');
    if (required && text.trim() === '')
      throw new UserError(
        `RFP/${name} is empty: write the project's ` +
          `${name === 'tasks.md' ? 'tasks as a checklist ("- [ ] ...")' : 'requirements'} there`,
      );
    return text;
  };
  const requirements = read('requirements.md', true);
  const design = read('design.md', false);
  const tasksText = read('tasks.md', true);
  const tasks = parseTasks(tasksText);
  if (tasks.length === 0)
    throw new UserError(
      'RFP/tasks.md has no tasks: write each task as a checklist item, e.g. "- [ ] Parse dates (tests: ' +
        'tests/test_dates.py)"',
    );
  return { requirements, design, tasksFile: path.join(projectDir, 'RFP', 'tasks.md'), tasks };
}

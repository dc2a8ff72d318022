// The architect's prompt: the RFP, the repository layout, the tasks to plan, the rules, the JSON shape, and any earlier
// errors.
import type { Rfp } from '../../rfp/read-rfp.js';
import type { Task } from '../../rfp/tasks-file.js';
import { tail } from '../../util/capped-text.js';
import { planExample } from './plan-schema.js';

/** Enough of the layout to see the structure; big repositories are cut with a count. */
const layoutCap = 300;

const legoRules = [
  'LEGO mode: every file is one small replaceable brick with one job, at most 100 lines.',
  'Put files in four folders: contracts/ (schemas, types, interfaces), actions/ (logic), entry/ (CLI or API ' +
    'entry points), tests/ (tests).',
];

export type PlanPromptInput = {
  rfp: Rfp;
  tasks: readonly Task[];
  layout: string[];
  legoMode: boolean;
  testCommand: string;
  problems?: string[];
};

/** The user's own order from RFP/tasks.md, shown so the plan agrees with it. */
const afterNote = (task: Task): string => (task.after?.length ? ` (after: ${task.after.join(', ')})` : '');

export function buildPlanPrompt(input: PlanPromptInput): string {
  const layout =
    input.layout.slice(0, layoutCap).join('\n') +
    (input.layout.length > layoutCap ? `\n… and ${input.layout.length - layoutCap} more files` : '');
  const sections = [
    '# You are the architect',
    'Design how the tasks below will be built and tested. Do not write code or edit files: answer with the ' +
      'design guide as one JSON object, nothing else.',
    `## Requirements\n${tail(input.rfp.requirements.trim(), 12000)}`,
  ];
  if (input.rfp.design.trim()) sections.push(`## Design notes\n${tail(input.rfp.design.trim(), 8000)}`);
  sections.push(
    `## Tasks to plan (from RFP/tasks.md)\n${input.tasks.map((task) => `${task.index}. ${task.title}${afterNote(task)}`).join('\n')}`,
  );
  sections.push(`## Repository layout (git ls-files)\n${layout || '(no files yet)'}`);
  const rules = [
    'One entry in "tasks" per task above, with its number in "task".',
    '"files": the implementation files to create or change, each with its one job; "testFiles": the test files ' +
      'a reviewer will write first; "scenarios": what those tests check.',
    `"testCommand": runs only this task's tests from the project folder; the project's command is ` +
      `\`${input.testCommand}\`.`,
    '"dependsOn": the numbers of the tasks whose code this task builds on, which must be finished first ([] when ' +
      'none; never the task itself, never a circle). Tasks that do not depend on each other may be built at the ' +
      'same time by separate coders, each in its own copy, merged after; tasks that share a file in "files" or ' +
      '"testFiles" are never built at the same time, so give each task the files it alone needs where the design ' +
      'allows. A task marked "(after: …)" waits for those tasks anyway.',
    ...(input.legoMode ? legoRules : []),
  ];
  sections.push(`## Rules\n${rules.map((rule) => `- ${rule}`).join('\n')}`);
  sections.push(`## JSON shape\n\`\`\`json\n${JSON.stringify(planExample, null, 2)}\n\`\`\``);
  if (input.problems?.length)
    sections.push(
      '## Your last answer was refused; fix these ' +
        `problems\n${input.problems.map((problem) => `- ${problem}`).join('\n')}`,
    );
  return `${sections.join('\n\n')}\n`;
}

// The reviewer's prompt: write the task's tests from the plan, so that they run and fail until the task is built.
import type { TaskPlan } from '../plan/plan-schema.js';
import { taskPlanText } from '../plan/task-plan-text.js';
import type { Task } from '../../rfp/tasks-file.js';
import { tail } from '../../util/capped-text.js';

export type ReviewerPromptInput = {
  task: Task;
  plan: TaskPlan;
  requirements: string;
  attempt: number;
  rejection?: { reason: string; output: string };
};

const redTests = 'Do not write the implementation: the tests must run and fail until a coder builds it.';
const refactorTests =
  'This task is a refactor: the code works and keeps its behaviour. Write tests that pin that behaviour: they must ' +
  'run and pass on the code as it is, and still pass once a coder has changed its shape.';

export function buildReviewerPrompt(input: ReviewerPromptInput): string {
  const sections = [
    `# You are the reviewer: write the tests of task ${input.task.index}: ${input.task.title}`,
    'Write only the test files below (unit tests, or features/*.feature with step definitions when the project ' +
      `uses BDD). ${input.task.refactor ? refactorTests : redTests} Once accepted, the tests are locked: nobody may ` +
      'change them.',
    `## The plan for this task\n${taskPlanText(input.plan)}`,
    `## Requirements\n${tail(input.requirements.trim(), 8000)}`,
  ];
  if (input.rejection) {
    sections.push(
      `## Attempt ${input.attempt}: your last tests were sent back\nReason: ${input.rejection.reason}\nFix the ` +
        `test files so that they run; ${input.task.refactor ? 'they must pass on the code as it is' : 'they may fail only because the implementation is missing'}.\n\`\`\`\n${tail(input.rejection.output, 6000)}\n\`\`\``,
    );
  }
  return `${sections.join('\n\n')}\n`;
}

// A task's part of the plan as prompt text, for the reviewer and the coder.
import type { TaskPlan } from './plan-schema.js';

export function taskPlanText(plan: TaskPlan): string {
  return [
    `Files (one job each):\n${plan.files.map((file) => `- ${file.path}: ${file.job}`).join('\n')}`,
    `Tests: ${plan.testFiles.join(', ')} (run: \`${plan.testCommand}\`)`,
    `Scenarios:\n${plan.scenarios.map((scenario) => `- ${scenario}`).join('\n')}`,
  ].join('\n');
}

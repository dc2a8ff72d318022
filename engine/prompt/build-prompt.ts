// Builds the worker's prompt for one round: task, strategy, tests, last output, last diff, and any redirect.
import type { Task } from '../rfp/tasks-file.js';
import type { TestSummary } from '../contract/test-summary.js';
import { tail } from '../util/capped-text.js';
import type { Strategy } from './strategy.js';
import { trimTestOutput } from './trim-test-output.js';
import type { ToolName } from '../contract/tool-call.js';

export type PromptInput = {
  task: Task;
  round: number;
  maxRounds: number;
  requirements: string;
  design: string;
  strategy: Strategy;
  lastTests?: TestSummary;
  lastDiff?: string;
  /** Instructions from the human or the supervisor, oldest first. */
  redirects: string[];
  /** Extra notes the loop wants the worker to see (locked-test violations, LEGO findings). */
  notes: string[];
  lockedTests: string[];
  /** The task's part of the architect's plan. */
  plan?: string;
  /** factory's tools the worker may call this round, and how many calls it has; absent: none. */
  tools?: { names: readonly ToolName[]; maxCalls: number };
};

const toolLines: Record<ToolName, string> = {
  run_tests:
    "run_tests: runs the task's tests (or some of them, by test id or file) and gives back the exit code, the " +
    'counts and the failures. Run it after a change to see whether it works, and fix what fails before you finish.',
  sandbox_exec:
    'sandbox_exec: runs one shell command in /app (the project) inside the container, with no network: run the ' +
    'program, a linter or a quick check.',
};

export function buildPrompt(input: PromptInput): string {
  const sections: string[] = [
    `# Task ${input.task.index}: ${input.task.title}`,
    `Round ${input.round} of at most ${input.maxRounds}. Work in the current folder. Only passing tests count.`,
    `## Strategy\n${input.strategy.line}`,
  ];
  if (input.redirects.length > 0)
    sections.push(`## Instructions for this round\n${input.redirects.map((text) => `- ${text}`).join('\n')}`);
  sections.push(`## Requirements\n${tail(input.requirements.trim(), 8000)}`);
  if (input.design.trim()) sections.push(`## Design\n${tail(input.design.trim(), 6000)}`);
  if (input.plan) sections.push(`## Plan for this task\n${input.plan}`);
  if (input.lastTests) {
    const failing = Object.entries(input.lastTests.tests)
      .filter(([, outcome]) => outcome === 'failed' || outcome === 'errored')
      .map(([id]) => id);
    const list = failing.length > 0 ? `\nFailing: ${failing.slice(0, 20).join(', ')}` : '';
    sections.push(
      `## Last test run: ${input.lastTests.headline}\nCommand: ` +
        `${input.lastTests.command}${list}\n\`\`\`\n${trimTestOutput(input.lastTests.output)}\n\`\`\``,
    );
  }
  if (input.lastDiff)
    sections.push(`## What you changed last round (git diff)\n\`\`\`diff\n${tail(input.lastDiff, 8000)}\n\`\`\``);
  else if (input.round > 1) sections.push('## What you changed last round\nNothing: no file changed.');
  if (input.tools && input.tools.names.length > 0 && input.tools.maxCalls > 0) {
    const lines = input.tools.names.map((name) => `- ${toolLines[name]}`);
    sections.push(
      "## Your tools\nfactory's tools run in its sandbox (a container with no network when SANDBOX=docker), never on " +
        `this machine; at most ${input.tools.maxCalls} calls this round:\n${lines.join('\n')}\n` +
        'You have no other shell. After you finish, factory runs the tests itself: only that run decides the round.',
    );
  }
  if (input.notes.length > 0) sections.push(`## Notes\n${input.notes.map((note) => `- ${note}`).join('\n')}`);
  const rules = ['Change the code, not the tests.', 'Keep each file to one job.'];
  if (input.lockedTests.length > 0)
    rules.push(`These test files are locked; changes to them are reverted: ${input.lockedTests.join(', ')}.`);
  rules.push(
    "factory_config.md, RFP/ (factory ticks the tasks) and the test runner's configuration are locked too: " +
      'changes are reverted, and new runner configuration (conftest.py, pytest.ini, jest/vitest config) is ' +
      'removed.',
  );
  rules.push(
    '.factory/ and the installed dependencies (node_modules/, .venv/, venv/, site-packages) are not yours to write: ' +
      'writes there are refused. Use only the dependencies already installed; if the task needs a new one, say so ' +
      'in your answer: the user installs dependencies.',
  );
  sections.push(`## Rules\n${rules.map((rule) => `- ${rule}`).join('\n')}`);
  return `${sections.join('\n\n')}\n`;
}

// The RFP templates `factory init` writes.
export const rfpTemplates: Record<string, string> = {
  'RFP/requirements.md': `# Requirements

Describe what the software must do, for whom, and how you will know it works.
The factory reads this file before every plan and every round.

- Example: a command-line tool that converts dates between formats.
`,
  'RFP/design.md': `# Design (optional)

Constraints on how it is built: language version, libraries, folder layout, interfaces.
`,
  'RFP/tasks.md': `# Tasks

One checklist item per task, worked through in order; the factory ticks each one when its tests go green.
Name a task's own tests in brackets when you have them: \`(tests: tests/test_dates.py)\`.

- [ ] Parse ISO dates (tests: tests/test_parse.py)
- [ ] Format dates for humans
`,
};

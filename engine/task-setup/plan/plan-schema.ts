// The architect's design guide: per task, the files with their one job, the test scenarios, the test command and the
// tasks it builds on.
import * as z from 'zod';
import { normaliseTestPath } from '../../test-runner/test-id.js';

const relativePath = z
  .string()
  .min(1)
  .refine(
    (value) => !value.startsWith('/') && !value.split(/[\\/]/).includes('..') && !/^[a-zA-Z]:/.test(value),
    'must be a path relative to the project, without ".."',
  );

const planFileSchema = z.strictObject({
  path: relativePath,
  /** The file's one job, in a sentence. */
  job: z.string().min(1),
});

const taskPlanSchema = z.strictObject({
  /** The task's number in RFP/tasks.md (1-based). */
  task: z.number().int().min(1),
  title: z.string().min(1),
  /** Implementation files to create or change (not the tests). */
  files: z.array(planFileSchema).min(1),
  /**
   * Test files the reviewer writes for this task, in the test ids' shape ("./tests/a.py" -> "tests/a.py"): locks use
   * them.
   */
  testFiles: z.array(relativePath.transform((file) => normaliseTestPath(file))).min(1),
  /** What the tests check, one scenario per entry. */
  scenarios: z.array(z.string().min(1)).min(1),
  /** Runs this task's tests only, from the project folder. */
  testCommand: z.string().min(1),
  /** Tasks (numbers) that must be green before this one starts: it builds on their code. Absent: none. */
  dependsOn: z.array(z.number().int().min(1)).optional(),
});

export const planSchema = z.strictObject({
  summary: z.string().min(1),
  tasks: z.array(taskPlanSchema).min(1),
});

export type Plan = z.infer<typeof planSchema>;
export type TaskPlan = z.infer<typeof taskPlanSchema>;

/** The shape shown to the architect in its prompt. */
export const planExample: Plan = {
  summary: 'One paragraph: the structure and how the pieces fit.',
  tasks: [
    {
      task: 1,
      title: 'the task line from RFP/tasks.md',
      files: [{ path: 'actions/parse_date.py', job: 'turns a date string into a date' }],
      testFiles: ['tests/test_parse_date.py'],
      scenarios: ['an ISO date parses', 'an empty string is refused with ValueError'],
      testCommand: 'python3 -m pytest -rA -q -p no:cacheprovider tests/test_parse_date.py',
      dependsOn: [],
    },
  ],
};

// The tools' inputs, checked before anything runs: run_tests takes test ids and files only, never a command line.
import * as z from 'zod';

/**
 * A project-relative path: no absolute path, no "..", no shell characters, and no first character a runner reads as
 * more than a path: "-" (an option), "@" (a file of arguments: pytest 8.2+, behave and cucumber-js's rerun files) or
 * "+" (a toolchain to cargo).
 */
const filePart = /^[\w.][\w@+.,/-]*$/;
/** A test's name after "::": anything printable on one line (it is quoted, never parsed by a shell). */
const namePart = /^[^\p{Cc}]{1,300}$/u;

/** @internal tested by itself. */
export function isTestTarget(text: string): boolean {
  const at = text.indexOf('::');
  const file = at < 0 ? text : text.slice(0, at);
  const name = at < 0 ? undefined : text.slice(at + 2);
  if (!filePart.test(file) || file.split('/').includes('..')) return false;
  return name === undefined || namePart.test(name);
}

const testTarget = z
  .string()
  .max(500)
  .transform((text) => text.trim().replace(/^(\.\/)+/, ''))
  .refine(isTestTarget, {
    message:
      'not a test id or file: give project-relative paths ("tests/test_a.py") or ids ("tests/test_a.py::test_x")',
  });

export const runTestsInput = z
  .object({
    tests: z
      .array(testTarget)
      .max(50)
      .optional()
      .describe('Test ids ("tests/test_a.py::test_x") or test files to run; omit to run all of the task\'s tests.'),
  })
  .strict();

export const sandboxExecInput = z
  .object({
    command: z.string().min(1).max(4000).describe('One shell command (sh -c), run in /app inside the sandbox.'),
  })
  .strict();

/** Zod's complaint in one line for the model. */
export function inputProblem(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; ');
}

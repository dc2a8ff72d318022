// jest's --json report, which vitest's json reporter also writes: per-test results as "file::describe > test".
import * as z from 'zod';
import { cleanText } from '../../util/clean-text.js';
import { testId } from '../test-id.js';
import type { ParsedRun, TestOutcome } from '../../contract/test-summary.js';
import { tally, type ReportedTest } from './tally.js';

const assertion = z.object({
  ancestorTitles: z.array(z.string()).default([]),
  title: z.string(),
  status: z.string(),
  failureMessages: z.array(z.string()).nullish(),
});

const report = z.object({
  testResults: z.array(
    z.object({
      name: z.string(),
      status: z.string(),
      message: z.string().nullish(),
      assertionResults: z.array(assertion).default([]),
    }),
  ),
});

/** jest: passed, failed, pending (xtest, it.skip), todo, skipped, disabled, focused; vitest the same words. */
function outcomeOf(status: string): TestOutcome {
  if (status === 'passed') return 'passed';
  if (status === 'failed') return 'failed';
  return 'skipped';
}

function firstLine(text: string | null | undefined): string | undefined {
  return (text ? cleanText(text).trim().split('\n')[0]?.trim() : undefined) || undefined;
}

/**
 * `roots` are where the project is as the runner saw it (the host folder, /app in the container): the report's
 * absolute file names become project-relative. A file that failed to load is one errored test with the file's id.
 */
export function readJestJson(
  text: string,
  runner: 'jest' | 'vitest',
  roots: readonly string[],
  source: string,
): ParsedRun {
  const parsed = report.parse(JSON.parse(text));
  const reported: ReportedTest[] = [];
  const fileError = (file: { name: string; message?: string | null }): ReportedTest => ({
    id: testId(file.name, undefined, roots),
    outcome: 'errored',
    message: firstLine(file.message),
  });
  for (const file of parsed.testResults) {
    if (file.assertionResults.length === 0) {
      if (file.status === 'failed') reported.push(fileError(file));
      continue;
    }
    const seen = new Map<string, number>();
    for (const test of file.assertionResults) {
      const title = [...test.ancestorTitles, test.title].join(' > ');
      // Two tests with the same title in one describe would share an id: the second is "title #2".
      const count = (seen.get(title) ?? 0) + 1;
      seen.set(title, count);
      const name = count > 1 ? `${title} #${count}` : title;
      const message = firstLine(test.failureMessages?.[0]);
      reported.push({ id: testId(file.name, name, roots), outcome: outcomeOf(test.status), message });
    }
    // A file whose tests passed but which failed anyway (an error after the tests, a failing afterAll).
    if (file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'))
      reported.push(fileError(file));
  }
  return tally(runner, source, reported);
}

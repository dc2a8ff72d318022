// cucumber-js's json formatter: one test per scenario, "features/calc.feature::Add two numbers", red when any step is.
import * as z from 'zod';
import { cleanText } from '../../util/clean-text.js';
import { testId } from '../test-id.js';
import type { ParsedRun, TestOutcome } from '../../contract/test-summary.js';
import { tally, type ReportedTest } from './tally.js';

const step = z.object({ result: z.object({ status: z.string(), error_message: z.string().optional() }).optional() });
const report = z.array(
  z.object({
    uri: z.string(),
    elements: z
      .array(z.object({ name: z.string(), type: z.string().optional(), steps: z.array(step).default([]) }))
      .default([]),
  }),
);

/** undefined and ambiguous steps are errors (the scenario could not run as written); pending and skipped are skips. */
function scenarioOutcome(statuses: string[]): TestOutcome {
  if (statuses.includes('failed')) return 'failed';
  if (statuses.includes('undefined') || statuses.includes('ambiguous')) return 'errored';
  if (statuses.length > 0 && statuses.every((status) => status === 'passed')) return 'passed';
  return 'skipped';
}

export function readCucumberJson(text: string, roots: readonly string[], source: string): ParsedRun {
  const reported: ReportedTest[] = [];
  for (const feature of report.parse(JSON.parse(text))) {
    const seen = new Map<string, number>();
    for (const scenario of feature.elements.filter((element) => element.type !== 'background')) {
      const count = (seen.get(scenario.name) ?? 0) + 1;
      seen.set(scenario.name, count);
      const results = scenario.steps.map((item) => item.result).filter((result) => result !== undefined);
      const failure = results.find((result) => result.error_message)?.error_message;
      reported.push({
        id: testId(feature.uri, count > 1 ? `${scenario.name} #${count}` : scenario.name, roots),
        outcome: scenarioOutcome(results.map((result) => result.status)),
        message: failure ? cleanText(failure).trim().split('\n')[0] : undefined,
      });
    }
  }
  return tally('cucumber', source, reported);
}

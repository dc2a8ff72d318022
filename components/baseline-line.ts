// The Tests pane's baseline line: the suite before round 1,
// and which failures from before the run lie outside the task.
import type { FactoryEventOf } from '../engine/contract/events.js';

export type BaselineRun = FactoryEventOf<'baseline:recorded'>;

/**
 * "baseline: 3/5 passing; failing before the run: tests/x::y". failing: tests outside the task that failed before the
 * run; the baseline's own split (outside every open task) until a round of the task has judged its own.
 */
export function baselineLine(baseline: BaselineRun, failing: readonly string[] = baseline.failing): string {
  const before = failing.length > 0 ? `; failing before the run: ${failing.join(', ')}` : '';
  const starting = baseline.starting?.length
    ? `; the tasks' own red tests to make pass: ${baseline.starting.length}`
    : '';
  const whole = baseline.perTest ? '' : ' (per-test results unreadable: the whole-suite verdict counts)';
  return `baseline: ${baseline.headline}${before}${starting}${whole}`;
}

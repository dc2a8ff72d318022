// The run's spend is counted once, by the loop: the status, the final report and a resume read the totals the events
// carry, the supervisor's included, and never add the calls up again.
import { describe, expect, it } from 'vitest';
import type { FactoryEvent } from '../../../engine/contract/events.js';
import { finalReportCollector } from '../../../engine/reports/final-report.js';
import { initialStatus, reduceStatus } from '../../../engine/reports/run-status.js';
import { findResumePoint } from '../../../engine/run/resume-point.js';
import { event, runStart } from '../../support/factory-events.js';

const verdict = { decision: 'CONTINUE' as const, reason: 'fine', instructions: '' };

/** A resumed run that had spent $0.5: the plan, then round 1 with the worker and the supervisor. */
const events = (): FactoryEvent[] => {
  const [started, ...rest] = runStart();
  return [
    { ...started, usage: { costUsd: 0.5, tokens: 100 } } as FactoryEvent,
    event('agent:finished', { ok: true, costUsd: 0.1, usage: { costUsd: 0.6, tokens: 150 } }, { task: 0, round: 0 }),
    ...rest,
    event('agent:finished', {
      ok: true,
      costUsd: 0.2,
      inputTokens: 40,
      outputTokens: 10,
      usage: { costUsd: 0.8, tokens: 200 },
    }),
    event('verdict:issued', { verdict, by: 'supervisor', costUsd: 0.05, usage: { costUsd: 0.85, tokens: 230 } }),
  ];
};

describe('the run totals', () => {
  it('the status shows the last totals, the supervisor call and the spend before a resume included', () => {
    const status = events().reduce(reduceStatus, initialStatus());
    expect(status.costUsd).toBeCloseTo(0.85);
    expect(status.tokens).toBe(230);
    // Right at the start, the totals the run starts from.
    expect(reduceStatus(initialStatus(), events()[0] as FactoryEvent).costUsd).toBe(0.5);
  });

  it('the final report gives each task the spend of its calls, and the plan what came outside a task', () => {
    const collector = finalReportCollector();
    for (const each of events()) collector.add(each);
    const report = collector.report();
    expect(report.planCostUsd).toBeCloseTo(0.1);
    expect(report.planTokens).toBe(50);
    expect(report.tasks[0]).toMatchObject({ tokens: 80 });
    expect(report.tasks[0]?.costUsd).toBeCloseTo(0.25);
  });

  it('a resume goes on from the last totals, or from those its start carried when no call ended since', () => {
    expect(findResumePoint(events())?.usage).toEqual({ costUsd: 0.85, tokens: 230 });
    expect(findResumePoint(events().slice(0, 1))?.usage).toEqual({ costUsd: 0.5, tokens: 100 });
  });
});

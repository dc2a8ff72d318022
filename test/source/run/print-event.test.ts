// The headless lines show each call's own cost: the worker's on its line, the supervisor's on its verdict.
import { describe, expect, it } from 'vitest';
import { formatEvent } from '../../../source/run/print-event.js';
import { event } from '../../support/factory-events.js';

const usage = { costUsd: 1, tokens: 10 };

describe('headless lines with cost', () => {
  it("the worker's line and the supervisor's verdict each show their call's cost, a free verdict none", () => {
    expect(formatEvent(event('agent:finished', { ok: true, costUsd: 0.25, usage }, { task: 1, round: 2 }), false)).toBe(
      'task 1 round 2: worker done ($0.2500)',
    );
    const verdict = { decision: 'CONTINUE' as const, reason: 'on track', instructions: '' };
    expect(formatEvent(event('verdict:issued', { verdict, by: 'supervisor', costUsd: 0.05, usage }), false)).toBe(
      'task 1 round 1: supervisor says CONTINUE: on track ($0.0500)',
    );
    expect(formatEvent(event('verdict:issued', { verdict, by: 'human' }), false)).toBe(
      'task 1 round 1: human says CONTINUE: on track',
    );
  });
});

// The caps hold before every model call, not only before rounds: the plan's cost alone can reach MAX_COST_USD, and
// a budget too small to start a call is the cap reached, never a crashed worker.
import { describe, expect, it } from 'vitest';
import { checkCaps, smallestCallBudgetUsd } from '../../../engine/loop/caps.js';
import { addTests, calculatorPlan } from '../../support/calculator-plan.js';
import { makeProject, runProject } from '../../support/scripted-project.js';

describe('caps across phases', () => {
  it("MAX_COST_USD smaller than the plan's cost stops the run before the reviewer and round 1, exit 6", async () => {
    const dir = makeProject({
      tasks: ['Add numbers'],
      settings: { MAX_COST_USD: '0.01' },
      script: {
        architect: [{ plan: calculatorPlan(1), costUsd: 0.05 }],
        reviewer: [{ write: { 'tests/test_add.py': addTests } }],
        worker: [{ write: { 'actions/add.py': 'def add(a, b):\n    return a + b\n' } }],
      },
    });
    const run = await runProject(dir);
    expect(run.result).toMatchObject({ outcome: 'cap', exitCode: 6 });
    expect(run.result.reason).toBe('MAX_COST_USD reached ($0.01): $0.0500 spent, 0 tokens');
    expect(run.of('plan:ready')).toHaveLength(1);
    expect(run.of('cap:reached').map((event) => event.cap)).toEqual(['cost']);
    expect(run.of('review:started')).toEqual([]);
    expect(run.of('round:started')).toEqual([]);
    expect(run.of('run:finished')[0]).toMatchObject({ outcome: 'cap', exitCode: 6 });
  });

  it('less left than a call needs (claude would get --max-budget-usd 0.0000) is the cap reached', () => {
    const limits = { maxCostUsd: 1 };
    expect(checkCaps({ costUsd: 1 - smallestCallBudgetUsd * 2, tokens: 10 }, 0, limits, new Set())).toBeUndefined();
    const trip = checkCaps({ costUsd: 0.99996, tokens: 10 }, 0, limits, new Set());
    expect(trip).toMatchObject({ cap: 'cost', reason: 'MAX_COST_USD reached ($1)' });
    expect(trip?.evidence).toBe('$1.0000 spent, 10 tokens; $0.000040 left is too little to start a model call');
    expect(checkCaps({ costUsd: 0.99996, tokens: 10 }, 0, limits, new Set(['cost']))).toBeUndefined();
  });
});

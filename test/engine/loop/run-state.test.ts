// The run's state: changed only through its methods, and what it hands out is a copy that later changes never touch.
import { describe, expect, it } from 'vitest';
import { toFactoryConfig } from '../../../engine/config/factory-config.js';
import { configKeys } from '../../../engine/config/keys.js';
import { RunState } from '../../../engine/loop/run-state.js';

const config = (settings: Record<string, string> = {}) =>
  toFactoryConfig({ ...Object.fromEntries(configKeys.map((key) => [key.key, key.default])), ...settings });

describe('RunState', () => {
  it('moves through tasks and rounds, and the positions it gave out stay as they were', () => {
    const state = new RunState(config());
    state.startTask(2);
    const atTaskStart = state.position;
    const first = state.startRound(1);
    const second = state.startRound(2);
    expect(atTaskStart).toEqual({ task: 2, round: 0, runRound: 0 });
    expect(first).toEqual({ task: 2, round: 1, runRound: 1 });
    expect(second).toEqual({ task: 2, round: 2, runRound: 2 });
    state.startTask(3);
    expect(state.position).toEqual({ task: 3, round: 0, runRound: 2 });
    // Writing to a copy changes nothing in the state.
    state.position.round = 99;
    expect(state.position.round).toBe(0);
  });

  it('goes on from where a resumed run left off', () => {
    const state = new RunState(config(), {
      runRound: 4,
      usage: { costUsd: 0.5, tokens: 10 },
      startedAt: 1000,
      liftedCaps: [],
    });
    expect(state.startRound(1).runRound).toBe(5);
    expect(state.usage).toEqual({ costUsd: 0.5, tokens: 10 });
    expect(state.elapsedMs(61_000)).toBe(60_000);
  });

  it('counts spend once per call and returns the totals after it', () => {
    const state = new RunState(config({ MAX_COST_USD: '1' }));
    expect(state.spend({ costUsd: 0.25, inputTokens: 100, outputTokens: 20 })).toEqual({ costUsd: 0.25, tokens: 120 });
    const totals = state.spend({ outputTokens: 5 });
    expect(totals).toEqual({ costUsd: 0.25, tokens: 125 });
    totals.costUsd = 100;
    expect(state.usage.costUsd).toBe(0.25);
    expect(state.budgetLeft()).toBe(0.75);
    expect(new RunState(config()).budgetLeft()).toBeUndefined();
  });

  it('a reached cap stands until the human lifts it', () => {
    const state = new RunState(config({ MAX_COST_USD: '0.5', MAX_MINUTES: '1' }), {
      runRound: 0,
      usage: { costUsd: 0, tokens: 0 },
      startedAt: 0,
      liftedCaps: [],
    });
    expect(state.capReached(30_000)).toBeUndefined();
    state.spend({ costUsd: 0.6 });
    expect(state.capReached(30_000)).toMatchObject({ cap: 'cost', evidence: '$0.6000 spent, 0 tokens' });
    state.liftCap('cost');
    expect(state.capReached(30_000)).toBeUndefined();
    expect(state.capReached(60_000)).toMatchObject({ cap: 'minutes' });
    state.liftCap('minutes');
    expect(state.capReached(60_000)).toBeUndefined();
  });

  it('a resumed run keeps the caps the human lifted before the interruption', () => {
    const resume = { runRound: 2, usage: { costUsd: 0.6, tokens: 0 }, startedAt: 0 };
    const limits = config({ MAX_COST_USD: '0.5' });
    expect(new RunState(limits, { ...resume, liftedCaps: [] }).capReached(1000)).toMatchObject({ cap: 'cost' });
    expect(new RunState(limits, { ...resume, liftedCaps: ['cost'] }).capReached(1000)).toBeUndefined();
  });

  it('a live setting replaces the settings and says what it replaced; the old settings object is left alone', () => {
    const state = new RunState(config({ MAX_ROUNDS: '10' }));
    const before = state.config;
    expect(state.applySetting('MAX_ROUNDS', '2')).toBe('10');
    expect(state.config.maxRounds).toBe(2);
    expect(before.maxRounds).toBe(10);
    expect(state.applySetting('MAX_COST_USD', '3')).toBe('');
    expect(state.config.maxCostUsd).toBe(3);
    expect(state.config.maxRounds).toBe(2);
  });

  it('keeps the baseline it was given', () => {
    const state = new RunState(config());
    expect(state.baseline).toBeUndefined();
    const baseline = {
      tests: { 't::a': 'passed' as const },
      headline: '1 passed',
      counts: { passed: 1, failed: 0, errored: 0, skipped: 0 },
    };
    state.recordBaseline(baseline);
    expect(state.baseline).toBe(baseline);
  });
});

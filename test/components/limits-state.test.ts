// The limits form's reducer and the run-control events folded into dashboard state, without Ink.
import { describe, expect, it } from 'vitest';
import {
  initialDashboard,
  reduceDashboard,
  type DashboardState,
  type UiAction,
} from '../../components/dashboard-state.js';
import { pickedKey } from '../../components/limits-state.js';
import { liveKeys } from '../../engine/config/live-setting.js';
import type { FactoryEvent } from '../../engine/contract/events.js';
import { event, runStart } from '../support/factory-events.js';

const fold = (...steps: (FactoryEvent | UiAction)[]): DashboardState =>
  steps.reduce<DashboardState>(
    (state, step) => reduceDashboard(state, 'ts' in step ? { type: 'events', events: [step] } : step),
    initialDashboard(),
  );

const settings = {
  WORKER_MODEL: 'qwen3:8b',
  MODE: 'Dual',
  MAX_ROUNDS: '20',
  MAX_FAIL_STREAK: '5',
  MAX_IDLE_ROUNDS: '3',
  MAX_SAME_FAILURE: '3',
  MAX_COST_USD: '',
  MAX_MINUTES: '',
};

describe('limits state', () => {
  it('takes the starting values from run:started and follows config:changed; a refusal changes no value', () => {
    const state = fold(
      ...runStart(settings),
      event('config:changed', { key: 'MAX_ROUNDS', value: '2', previous: '20' }),
      event('config:rejected', { key: 'MODE', value: 'x', message: 'bad' }),
    );
    expect(state.settings).toEqual({ ...settings, MAX_ROUNDS: '2' });
    expect(state.limits.message).toEqual({ tone: 'failure', text: 'the run refused MODE=x: bad' });
  });

  it('a run:started without settings (an older engine) leaves the values unknown', () => {
    expect(fold(...runStart()).settings).toEqual({});
  });

  it('opens on the first setting, moves round the list, and an edit starts from the current value', () => {
    let state = fold(...runStart(settings), { type: 'overlay', overlay: 'limits' });
    expect(state.limits).toEqual({ row: 0, editing: false });
    state = reduceDashboard(state, { type: 'limits-move', by: -1 });
    expect(pickedKey(state.limits)).toBe(liveKeys.at(-1));
    state = reduceDashboard(reduceDashboard(state, { type: 'limits-move', by: 1 }), { type: 'limits-move', by: 1 });
    expect(pickedKey(state.limits)).toBe('MODE');
    state = reduceDashboard(state, { type: 'limits-edit' });
    expect(state).toMatchObject({ draft: 'Dual', limits: { editing: true } });
  });

  it('a refused submit stays in the edit with the reason; a sent one leaves it; cancel and reopening clear the message', () => {
    let state = fold(
      ...runStart(settings),
      { type: 'overlay', overlay: 'limits' },
      { type: 'limits-edit' },
      { type: 'limits-result', ok: false, text: 'not allowed' },
    );
    expect(state.limits).toEqual({ row: 0, editing: true, message: { tone: 'failure', text: 'not allowed' } });
    state = reduceDashboard(state, { type: 'limits-result', ok: true, text: 'sent' });
    expect(state.limits).toEqual({ row: 0, editing: false, message: { tone: 'success', text: 'sent' } });
    state = reduceDashboard(reduceDashboard(state, { type: 'limits-edit' }), { type: 'limits-cancel' });
    expect(state.limits).toEqual({ row: 0, editing: false, message: undefined });
    state = reduceDashboard(reduceDashboard(state, { type: 'limits-move', by: 1 }), {
      type: 'overlay',
      overlay: 'none',
    });
    expect(reduceDashboard(state, { type: 'overlay', overlay: 'limits' }).limits).toEqual({ row: 0, editing: false });
  });

  it('keeps the open form across a new run:started', () => {
    const state = fold({ type: 'overlay', overlay: 'limits' }, { type: 'limits-move', by: 1 }, ...runStart(settings));
    expect(state).toMatchObject({ overlay: 'limits', limits: { row: 1 }, settings });
  });

  it('puts changes, refusals and caps into the supervisor history, and the baseline over the tests only', () => {
    const state = fold(
      ...runStart(settings),
      event('baseline:recorded', { headline: '3/5 passing', passing: 3, failing: ['tests/x::y'], perTest: true }),
      event('config:changed', { key: 'MAX_ROUNDS', value: '2', previous: '20' }),
      event('config:rejected', { key: 'MODE', value: 'x', message: 'bad' }),
      event('cap:reached', { cap: 'minutes', reason: 'MAX_MINUTES reached (1)', evidence: '61s elapsed' }),
      event('tests:started', { command: 'pytest', baseline: false }),
    );
    expect(state.supervisor.map(({ who, label, text }) => `${who} ${label} ${text}`)).toEqual([
      'human SET MAX_ROUNDS=2 (was 20), from the next round',
      'human REFUSED MODE=x: bad',
      'supervisor CAP MAX_MINUTES reached (1): 61s elapsed',
    ]);
    expect(state.tests).toMatchObject({
      running: true,
      baseline: 'baseline: 3/5 passing; failing before the run: tests/x::y',
    });
  });
});

// The limits form (L) in the real Dashboard: current values from the events, local checks with the config file's messages, the set command, esc.
import { describe, expect, it, vi } from 'vitest';
import { event, runStart } from '../support/factory-events.js';
import { keys } from '../support/fake-terminal.js';
import { enterValue, formRow as row } from '../support/limits-form.js';
import { press } from '../support/press-key.js';
import { dashboardsUnmountedAfterEach, plain, shows, type RenderedDashboard } from '../support/render-dashboard.js';

type Rendered = RenderedDashboard;
const open = dashboardsUnmountedAfterEach();

const settings = {
  WORKER_MODEL: '',
  MODE: 'Dual',
  MAX_ROUNDS: '20',
  MAX_FAIL_STREAK: '5',
  MAX_IDLE_ROUNDS: '3',
  MAX_SAME_FAILURE: '3',
  MAX_COST_USD: '',
  MAX_MINUTES: '',
};

async function openForm(): Promise<Rendered> {
  const view = open({ columns: 120, rows: 30 });
  view.channel.emit(...runStart(settings));
  await shows(view, 'RUNNING');
  await press(view, 'L');
  await shows(view, 'Limits · changes apply from the next round');
  return view;
}

describe('limits form', () => {
  it('opens with L and shows the values run:started reported, then a change the run applied', async () => {
    const view = await openForm();
    expect(row(view, 'MAX_ROUNDS')).toMatch(/MAX_ROUNDS\s+20$/);
    expect(row(view, 'MODE')).toMatch(/MODE\s+Dual$/);
    expect(row(view, 'MAX_COST_USD')).toMatch(/MAX_COST_USD\s+\(empty\)$/);
    expect(row(view, 'WORKER_MODEL')).toMatch(/^› WORKER_MODEL/);
    view.channel.emit(event('config:changed', { key: 'MAX_FAIL_STREAK', value: '2', previous: '5' }));
    await vi.waitFor(() => expect(row(view, 'MAX_FAIL_STREAK')).toMatch(/MAX_FAIL_STREAK\s+2$/));
    await shows(view, 'MAX_FAIL_STREAK is now 2: it applies from the next round');
  });

  it('a bad value shows the config message and sends nothing; the edit stays open to fix it', async () => {
    const view = await openForm();
    await enterValue(view, 'MAX_ROUNDS', 'lots');
    await press(view, keys.enter);
    await shows(view, 'dashboard: MAX_ROUNDS=lots is not allowed: expected');
    expect(view.channel.sent).toEqual([]);
    expect(plain(view)).toContain('type the value · enter sends');
  });

  it('a good value sends {type: set, key, value} and says it applies from the next round', async () => {
    const view = await openForm();
    await enterValue(view, 'MAX_ROUNDS', '2');
    await press(view, keys.enter);
    await vi.waitFor(() => expect(view.channel.sent).toEqual([{ type: 'set', key: 'MAX_ROUNDS', value: '2' }]));
    await shows(view, 'MAX_ROUNDS=2 sent: it applies from the next round');
    expect(plain(view)).toContain('j/k pick · enter edits · esc closes');
  });

  it('shows a value the run refused', async () => {
    const view = await openForm();
    view.channel.emit(
      event('config:rejected', {
        key: 'MODE',
        value: 'Triple',
        message: 'factory set: MODE=Triple is not allowed: expected one of Single, Dual',
      }),
    );
    await shows(view, 'the run refused MODE=Triple: factory set: MODE=Triple is not allowed');
  });

  it('esc cancels an edit, then closes the form; nothing is sent', async () => {
    const view = await openForm();
    await enterValue(view, 'WORKER_MODEL', 'qwen3:8b');
    await press(view, keys.escape);
    await shows(view, 'j/k pick · enter edits · esc closes');
    expect(row(view, 'WORKER_MODEL')).toMatch(/WORKER_MODEL\s+\(empty\)$/);
    await press(view, keys.escape);
    await vi.waitFor(() => expect(plain(view)).not.toContain('Limits ·'));
    await shows(view, '1 Worker');
    expect(view.channel.sent).toEqual([]);
  });

  it('says why L does nothing once the run has finished', async () => {
    const view = open();
    view.channel.emit(
      ...runStart(settings),
      event('run:finished', {
        outcome: 'green',
        exitCode: 0,
        reason: 'every task is green',
        tasksGreen: 2,
        tasksTotal: 2,
      }),
    );
    await shows(view, 'run finished: green');
    await press(view, 'L');
    await shows(view, 'L: the run has finished');
    expect(plain(view)).not.toContain('Limits ·');
  });
});

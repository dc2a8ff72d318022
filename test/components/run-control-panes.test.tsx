// The run-control events in the real Dashboard: setting changes and refusals, caps and the baseline, in the Supervisor and Tests panes.
import { describe, expect, it, vi } from 'vitest';

// Colours are only emitted when forced: the test process has no terminal.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

import { event, runStart, testsReport } from '../support/factory-events.js';
import { dashboardsUnmountedAfterEach, plain, shows, type RenderedDashboard } from '../support/render-dashboard.js';

type Rendered = RenderedDashboard;
const dashboard = dashboardsUnmountedAfterEach();
const open = (): Rendered => dashboard({ columns: 200, rows: 30 });

describe('run-control events in the panes', () => {
  it('Supervisor lists setting changes and refused values with their times', async () => {
    const view = open();
    const changed = event('config:changed', { key: 'MAX_ROUNDS', value: '2', previous: '20' });
    const cleared = event('config:changed', { key: 'MAX_COST_USD', value: '', previous: '0.5' });
    const refused = event('config:rejected', {
      key: 'MODE',
      value: 'Triple',
      message: 'factory set: MODE=Triple is not allowed: expected one of Single, Dual',
    });
    view.channel.emit(...runStart(), changed, cleared, refused);
    await shows(view, `${changed.ts.slice(11, 19)} you SET: MAX_ROUNDS=2 (was 20), from the next round`);
    expect(plain(view)).toContain(`${cleared.ts.slice(11, 19)} you SET: MAX_COST_USD=(empty) (was 0.5)`);
    expect(plain(view)).toContain(
      `${refused.ts.slice(11, 19)} you REFUSED: MODE=Triple: factory set: MODE=Triple is not allowed`,
    );
  });

  it('a cap reached shows in the Supervisor pane like a valve, and the pause it causes in the banner', async () => {
    const view = open();
    const cap = event('cap:reached', {
      cap: 'cost',
      reason: 'MAX_COST_USD reached ($0.5)',
      evidence: '$0.6000 spent, 0 tokens',
    });
    view.channel.emit(
      ...runStart(),
      cap,
      event('engine:paused', { kind: 'cap', reason: 'MAX_COST_USD reached ($0.5)' }),
    );
    await shows(view, `${cap.ts.slice(11, 19)} sup CAP: MAX_COST_USD reached ($0.5): $0.6000 spent, 0 tokens`);
    expect(plain(view)).toContain('PAUSED (cap): MAX_COST_USD reached ($0.5) — a run-wide cap was reached');
    expect(view.frame()).toMatch(/\u001b\[31m[^\u001b]*CAP: MAX_COST_USD/);
  });

  it('the baseline stays under the Tests headline over the rounds, and the supervisor does not say it', async () => {
    const view = open();
    const baseline = event('baseline:recorded', {
      headline: '3/5 passing',
      passing: 3,
      failing: ['tests/x.py::test_y', 'tests/x.py::test_z'],
      perTest: true,
    });
    view.channel.emit(...runStart(), baseline);
    await shows(view, 'baseline: 3/5 passing; failing before the run: tests/x.py::test_y, tests/x.py::test_z');
    expect(plain(view)).not.toContain('BASELINE');
    view.channel.emit(
      event('tests:started', { command: 'python3 -m pytest', baseline: false }),
      event('tests:finished', { result: testsReport(4, 1), baseline: false }),
    );
    await shows(view, '✘ RED 4/5 passing');
    expect(plain(view)).toContain('baseline: 3/5 passing; failing before the run: tests/x.py::test_y');
  });

  it('says when the runner gives no per-test results', async () => {
    const view = open();
    view.channel.emit(
      ...runStart(),
      event('baseline:recorded', { headline: 'failing (exit 1)', passing: 0, failing: [], perTest: false }),
    );
    await shows(view, 'baseline: failing (exit 1) (per-test results unreadable: the whole-suite verdict counts)');
  });
});

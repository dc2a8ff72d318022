// A worker's tool calls as people see them: lines in the worker pane while they run, a section of the round report.
import { describe, expect, it } from 'vitest';
import { initialDashboard, reduceDashboard } from '../../../components/dashboard-state.js';
import { renderRoundReport } from '../../../engine/reports/round-record.js';
import { formatEvent } from '../../../source/run/print-event.js';
import { event, runStart } from '../../support/factory-events.js';
import type { RoundRecord } from '../../../engine/contract/round-record.js';

const call = {
  call: 1,
  tool: 'run_tests',
  detail: 'tests/test_calc.py',
  exitCode: 1,
  durationMs: 2300,
  timedOut: false,
  output: 'collected 1 item\n\nE   assert 0 == 5\n1 failed in 0.02s\n',
};
const finished = event('tool:finished', call);

describe('tool calls shown', () => {
  it('puts the call and how it ended in the worker pane as it runs', () => {
    const started = event('tool:started', { call: 1, tool: 'run_tests', detail: 'tests/test_calc.py' });
    const state = reduceDashboard(initialDashboard(), { type: 'events', events: [...runStart(), started, finished] });
    const lines = state.worker.map((line) => line.text);
    expect(lines).toContain('▶ run_tests tests/test_calc.py (in the sandbox…)');
    expect(lines).toContain('◀ run_tests tests/test_calc.py — exit 1 (2.3 s)');
    expect(lines).toContain('  1 failed in 0.02s');
  });

  it('prints a finished call in headless mode, a refusal with its reason', () => {
    expect(formatEvent(finished, false)).toBe('task 1 round 1: run_tests tests/test_calc.py — exit 1 (2.3 s)');
    const refused = event('tool:finished', {
      ...call,
      exitCode: null,
      durationMs: 0,
      output: '',
      refused: 'MAX_TOOL_CALLS (20) reached',
    });
    expect(formatEvent(refused, false)).toMatch(/refused: MAX_TOOL_CALLS \(20\) reached/);
  });

  it('lists the calls and their time in the round report', () => {
    const record = {
      task: 1,
      taskTitle: 'add',
      round: 1,
      runRound: 1,
      worker: 'claude',
      strategy: 'standard',
      startedAt: '2026-01-01T00:00:00.000Z',
      durationMs: 9000,
      result: { ok: true },
      tests: { passed: 1, failed: 0, errored: 0, skipped: 0, tests: {}, errors: {}, headline: '1 passed', excerpt: '' },
      refusedEdits: [],
      green: true,
      judgement: { green: true, ownFailing: [], regressions: [], failingBefore: [] },
      totals: { costUsd: 0, tokens: 0, elapsedMs: 9000 },
      failStreak: 0,
      idleStreak: 0,
      broken: [],
      interrupted: false,
      toolCalls: [
        { tool: 'run_tests', detail: 'all tests', exitCode: 1, durationMs: 2300, timedOut: false },
        { tool: 'sandbox_exec', detail: 'id -u', exitCode: 0, durationMs: 200, timedOut: false },
        { tool: 'run_tests', detail: 'all tests', exitCode: null, durationMs: 0, timedOut: false, refused: 'cap' },
      ],
    } as unknown as RoundRecord;
    const report = renderRoundReport(record);
    expect(report).toContain('## Tool calls (3, 2.5 s)');
    expect(report).toContain('1. run_tests all tests — exit 1 (2.3 s)');
    expect(report).toContain('2. sandbox_exec id -u — exit 0 (0.2 s)');
    expect(report).toContain('3. run_tests all tests — refused: cap (0.0 s)');
  });
});

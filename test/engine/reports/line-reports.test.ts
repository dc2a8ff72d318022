// factory status and final_report.md with production lines, from two lines' events interleaved: each line listed with
// its task, outcome, rounds, cost, merges and returns; a run without lines reads as before.
import { describe, expect, it } from 'vitest';
import type { FactoryEvent } from '../../../engine/contract/events.js';
import { finalReportCollector } from '../../../engine/reports/final-report.js';
import { renderFinalReport, renderFinalSummary } from '../../../engine/reports/render-final-report.js';
import { initialStatus, reduceStatus } from '../../../engine/reports/run-status.js';
import { renderStatus } from '../../../source/commands/render-status.js';
import { event, runStart, testsReport } from '../../support/factory-events.js';

const branch = (task: number): string => `factory/r1-task-${task}`;
const started = (task: number, title: string): FactoryEvent =>
  event(
    'line:started',
    { title, branch: branch(task), worktree: `/tmp/l/${task}`, base: 'abc1234' },
    { task, round: 0 },
  );
const round = (task: number, n: number): FactoryEvent =>
  event('round:started', { maxRounds: 20, failStreak: 0, idleStreak: 0, runRound: n, head: '' }, { task, round: n });
const paid = (task: number, total: number): FactoryEvent =>
  event('agent:finished', { ok: true, costUsd: 0.1, usage: { costUsd: total, tokens: total * 1000 } }, { task });
const merging = (task: number): FactoryEvent =>
  event('line:merging', { branch: branch(task), into: 'factory/r1' }, { task });

const lines = (): FactoryEvent[] => [
  ...runStart().slice(0, 1),
  started(1, 'Conversions'),
  started(2, 'Parsing'),
  round(1, 1),
  round(2, 1),
  paid(2, 0.3),
  paid(1, 0.5),
  event('tests:finished', { result: testsReport(4, 0), baseline: false }, { task: 1 }),
  merging(1),
  event('tests:finished', { result: testsReport(2, 2), baseline: false }, { task: 2 }),
  event('line:merged', { branch: branch(1), sha: 'feedbee1234' }, { task: 1 }),
  event('task:finished', { outcome: 'green', reason: 'green on the merged tree' }, { task: 1 }),
  event('line:closed', { outcome: 'green', reason: 'merged' }, { task: 1 }),
  merging(2),
  event(
    'line:returned',
    { reason: 'conflict', files: ['calc.py'], tests: [], detail: 'both changed add()' },
    { task: 2, round: 1 },
  ),
  round(2, 2),
];

describe('reports with production lines', () => {
  it('factory status lists each line with its place, state, round, tests, cost, merges and returns', () => {
    const text = renderStatus(lines().reduce(reduceStatus, initialStatus()));
    expect(text).toContain('lines    1 running, 1 green, 2 in all');
    expect(text).toContain(
      '  L1 task 1: Conversions — green (closed), round 1/20, tests 4/4 passing, $0.2000, 1 merge(s), 0 return(s)',
    );
    expect(text).toContain(
      '  L2 task 2: Parsing — running, round 2/20, tests 2/4 passing, $0.3000, 1 merge(s), 1 return(s) ' +
        '(last: conflict: both changed add())',
    );
  });

  it('final_report.md has a Lines table and each line task says its merges and why it was sent back', () => {
    const collector = finalReportCollector();
    for (const each of lines()) collector.add(each);
    const report = collector.report();
    const text = renderFinalReport(report);
    expect(text).toContain('## Lines');
    expect(text).toContain('| 1. Conversions | green | 1 | 1 (merged feedbee) | 0 | `factory/r1-task-1` |');
    expect(text).toContain('| 2. Parsing | not started | 2 | 1 | 1 | `factory/r1-task-2` |');
    expect(text).toContain('- Line: `factory/r1-task-1`, 1 merge(s), merged feedbee, 0 return(s)');
    expect(text).toContain('### Sent back to its line\n\n- round 1: conflict (calc.py) — both changed add()');
    expect(renderFinalSummary(report)[1]).toContain(', line: 1 merge(s), 1 return(s)');
  });

  it('a run without lines has no Lines section nor lines row', () => {
    const collector = finalReportCollector();
    for (const each of runStart()) collector.add(each);
    expect(renderFinalReport(collector.report())).not.toContain('## Lines');
    expect(renderStatus(runStart().reduce(reduceStatus, initialStatus()))).not.toContain('lines ');
  });
});

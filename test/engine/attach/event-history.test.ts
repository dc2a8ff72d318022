// The attach history of a long run stays small, and a dashboard that attaches late shows what one there from the start shows.
import { describe, expect, it } from 'vitest';
import { initialDashboard, reduceDashboard, type DashboardState } from '../../../components/dashboard-state.js';
import { EventHistory } from '../../../engine/attach/event-history.js';
import type { FactoryEvent } from '../../../engine/contract/events.js';
import { event, runStart, testsReport } from '../../support/factory-events.js';
import type { RoundRecord } from '../../../engine/contract/round-record.js';

const tasks = 30;
const roundsPerTask = 10;
/** Bytes the history may hold for this run, however many rounds it has: its window, not its length. */
const bound = 1024 * 1024;

function roundEvents(task: number, round: number, runRound: number): FactoryEvent[] {
  const at = { task, round };
  const green = round === roundsPerTask;
  const tests = testsReport(green ? 2 : 1, green ? 0 : 1, `end of run ${runRound} `.repeat(250));
  const record: RoundRecord = {
    task,
    taskTitle: `task ${task}`,
    round,
    runRound,
    worker: 'scripted',
    strategy: 'still-failing',
    startedAt: '2026-01-01T10:00:00Z',
    durationMs: 1000,
    result: { ok: true, costUsd: 0.01 },
    tests: { ...tests, excerpt: tests.excerpt },
    refusedEdits: [],
    green,
    judgement: { green, ownFailing: [], regressions: [], failingBefore: [] },
    totals: { costUsd: runRound * 0.01, tokens: runRound * 300, elapsedMs: runRound * 1000 },
    failStreak: green ? 0 : round,
    idleStreak: 0,
    broken: [],
    interrupted: false,
  };
  return [
    event('round:started', { maxRounds: 20, failStreak: round - 1, idleStreak: 0, runRound, head: 'abc' }, at),
    event('prompt:built', { strategy: 'still-failing', prompt: `prompt of round ${runRound}\n`.repeat(1000) }, at),
    ...Array.from({ length: 100 }, (_, n) =>
      event('agent:chunk', { text: `worker ${runRound}.${n} ${'w'.repeat(80)}\n` }, at),
    ),
    event('agent:edit', { path: 'calc.py', action: 'write' }, at),
    event(
      'agent:finished',
      {
        ok: true,
        costUsd: 0.01,
        inputTokens: 200,
        outputTokens: 100,
        usage: { costUsd: 0.01 * runRound, tokens: 300 * runRound },
      },
      at,
    ),
    event('tests:started', { command: 'python3 -m pytest', baseline: false }, at),
    ...Array.from({ length: 200 }, (_, n) =>
      event('tests:output', { text: `tests ${runRound}.${n} ${'t'.repeat(80)}\n` }, at),
    ),
    event('tests:finished', { result: tests, baseline: false, taskVerdict: { green } }, at),
    event(
      'git:committed',
      {
        sha: `sha${runRound}`,
        message: `round ${runRound}`,
        files: ['calc.py'],
        diff: `+ line ${runRound}\n`.repeat(400),
      },
      at,
    ),
    event(
      'verdict:issued',
      { verdict: { decision: 'CONTINUE', reason: `round ${runRound} moves on`, instructions: '' }, by: 'supervisor' },
      at,
    ),
    event('round:finished', { record }, at),
  ];
}

function* longRun(): Generator<FactoryEvent> {
  yield* runStart({ MAX_ROUNDS: '20' }).slice(0, 1);
  yield event(
    'baseline:recorded',
    { headline: '0/2 passing', passing: 0, failing: [], perTest: true },
    { task: 0, round: 0 },
  );
  yield event('config:changed', { key: 'MAX_ROUNDS', value: '30', previous: '20' }, { task: 0, round: 0 });
  let runRound = 0;
  for (let task = 1; task <= tasks; task++) {
    yield event('task:started', { title: `task ${task}`, maxRounds: 20 }, { task, round: 0 });
    for (let round = 1; round <= roundsPerTask; round++) yield* roundEvents(task, round, ++runRound);
    if (task < tasks)
      yield event('task:finished', { outcome: 'green', reason: 'all green' }, { task, round: roundsPerTask });
  }
}

const fold = (events: readonly FactoryEvent[]): DashboardState =>
  reduceDashboard(initialDashboard(), { type: 'events', events });

describe('attach history of a long run', () => {
  it(`stays under ${bound} bytes over ${tasks * roundsPerTask} rounds, and a late dashboard shows the current state`, () => {
    const history = new EventHistory();
    const all: FactoryEvent[] = [];
    let largest = 0;
    for (const item of longRun()) {
      all.push(item);
      history.add(item);
      if (item.type === 'task:started') largest = Math.max(largest, JSON.stringify(history.all()).length);
    }
    const whole = JSON.stringify(all).length;
    largest = Math.max(largest, JSON.stringify(history.all()).length);
    expect(whole).toBeGreaterThan(20 * bound);
    expect(largest).toBeLessThan(bound);

    const live = fold(all);
    const late = fold(history.all());
    expect(late.status).toEqual(live.status);
    expect(late.status).toMatchObject({ task: tasks, round: roundsPerTask, tasksGreen: tasks - 1 });
    expect(late.status.costUsd).toBeCloseTo(tasks * roundsPerTask * 0.01);
    expect(late.tests).toEqual(live.tests);
    expect(late.tests.lines).toHaveLength(200);
    expect(late.diffs.at(-1)).toEqual(live.diffs.at(-1));
    expect(late.supervisor).toEqual(live.supervisor);
    expect(late.settings).toEqual(live.settings);
    expect(late.worker.slice(-150)).toEqual(live.worker.slice(-150));
  });

  it("keeps every summary event and only the newest rounds' detail", () => {
    const history = new EventHistory();
    for (const item of longRun()) history.add(item);
    const kept = history.all();
    const count = (type: FactoryEvent['type']) => kept.filter((item) => item.type === type).length;
    expect(count('run:started')).toBe(1);
    expect(count('task:started')).toBe(tasks);
    expect(count('task:finished')).toBe(tasks - 1);
    expect(count('agent:finished')).toBe(tasks * roundsPerTask);
    expect(count('baseline:recorded')).toBe(1);
    expect(count('config:changed')).toBe(1);
    expect(count('prompt:built')).toBeLessThanOrEqual(3);
    expect(count('round:finished')).toBeLessThanOrEqual(3);
    expect(count('git:committed')).toBeLessThanOrEqual(20);
    expect(kept.at(-1)?.type).toBe('round:finished');
    const rounds = new Set(
      kept.filter((item) => item.type === 'tests:output').map((item) => `${item.task}:${item.round}`),
    );
    expect(rounds.size).toBeLessThanOrEqual(3);
    expect(rounds.has(`${tasks}:${roundsPerTask}`)).toBe(true);
  });
});

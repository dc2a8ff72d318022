// Builds FactoryEvents for tests: the type, its payload, and where in the run it happened.
import type { EngineCommand } from '../../engine/contract/commands.js';
import type { EventPayload, FactoryEvent, FactoryEventType, Listener } from '../../engine/contract/events.js';
import type { TestSummary, TestsReport } from '../../engine/contract/test-summary.js';
import { eventsFormat } from '../../engine/reports/events-format.js';

let clock = Date.parse('2026-01-01T10:00:00Z');

export function event<T extends FactoryEventType>(
  type: T,
  payload: EventPayload<T>,
  at: { task?: number; round?: number } = {},
): FactoryEvent {
  clock += 1000;
  return {
    ts: new Date(clock).toISOString(),
    task: at.task ?? 1,
    round: at.round ?? 1,
    type,
    ...payload,
  } as FactoryEvent;
}

export function testSummary(passed: number, failed: number, output = ''): TestSummary {
  return {
    runner: 'pytest',
    source: 'pytest output',
    passed,
    failed,
    errored: 0,
    skipped: 0,
    tests: {},
    errors: {},
    command: 'python3 -m pytest',
    exitCode: failed ? 1 : 0,
    timedOut: false,
    durationMs: 10,
    green: failed === 0,
    headline: `${passed}/${passed + failed} passing`,
    output,
    truncated: false,
  };
}

/** What tests:finished carries for such a run: the summary, the end of its output, and where the rest is. */
export function testsReport(passed: number, failed: number, excerpt = ''): TestsReport {
  const { output: _output, ...summary } = testSummary(passed, failed);
  return { ...summary, excerpt, outputFile: '.factory/output/task_1_round_1_tests.txt' };
}

/** The start of a run with one task and its first round; settings: the live settings run:started reports. */
export const runStart = (settings?: Record<string, string>): FactoryEvent[] => [
  event(
    'run:started',
    {
      format: eventsFormat,
      resumed: false,
      runId: 'r1',
      branch: 'factory/r1',
      baseBranch: 'main',
      sandbox: 'local processes',
      engine: 'scripted',
      testCommand: 'python3 -m pytest',
      tasks: [
        { index: 1, title: 'Conversions', done: false },
        { index: 2, title: 'Parsing', done: false },
      ],
      settings,
      usage: { costUsd: 0, tokens: 0 },
    },
    { task: 0, round: 0 },
  ),
  event('task:started', { title: 'Conversions', maxRounds: 20 }, { round: 0 }),
  event('round:started', { maxRounds: 20, failStreak: 0, idleStreak: 0, runRound: 1, head: '' }),
];

/** Stands in for the attach channel: tests push events and read the commands the dashboard sent. */
export class TestChannel {
  readonly sent: EngineCommand[] = [];
  private readonly listeners = new Set<Listener>();
  private close?: () => void;
  readonly closed = new Promise<void>((resolve) => (this.close = resolve));

  on = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  send = (command: EngineCommand): void => void this.sent.push(command);

  emit(...events: FactoryEvent[]): void {
    for (const item of events) for (const listener of this.listeners) listener(item);
  }

  end(): void {
    this.close?.();
  }
}

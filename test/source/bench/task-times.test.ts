// The parallel benchmark's reading of events: a task's own engine time per round, and the most lines at once.
import { describe, expect, it } from 'vitest';
import type { FactoryEvent } from '../../../engine/events.js';
import { engineTimePerRound, mostLinesAtOnce, type TimedEvent } from '../../../source/bench/parallel/task-times.js';

const at = (ms: number, task: number, type: string, extra: Record<string, unknown> = {}): TimedEvent => ({
  at: ms,
  event: { ts: '', task, round: 1, type, ...extra } as unknown as FactoryEvent,
});

describe('task times', () => {
  it("takes each task's span, less its time in the worker and the sandbox, over its rounds", () => {
    const events = [
      at(0, 0, 'tests:started', { baseline: true }),
      at(500, 0, 'tests:finished', { baseline: true }),
      at(1000, 1, 'task:started'),
      at(1010, 1, 'round:started'),
      at(1100, 2, 'task:started'),
      at(1110, 2, 'round:started'),
      at(4240, 1, 'round:started'),
      at(5300, 1, 'task:finished'),
      at(5400, 2, 'task:finished'),
      at(5500, 3, 'task:started'),
      at(5600, 3, 'task:finished'),
    ];
    const outside = new Map([
      [0, 500],
      [1, 4200],
      [2, 3010],
    ]);
    // Task 1: 4300 ms less 4200, over 2 rounds; task 2: 4300 ms less 3010, one round; task 3 played no round.
    expect(engineTimePerRound(events, outside)).toEqual([50, 1290]);
  });

  it('counts the lines running at once from their started and closed events', () => {
    const events = [
      at(0, 1, 'line:started'),
      at(1, 2, 'line:started'),
      at(2, 1, 'line:closed'),
      at(3, 3, 'line:started'),
      at(4, 4, 'line:started'),
      at(5, 2, 'line:closed'),
    ];
    expect(mostLinesAtOnce(events)).toBe(3);
    expect(mostLinesAtOnce([])).toBe(1);
  });
});

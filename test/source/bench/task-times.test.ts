// The parallel benchmark's reading of events: a task's own engine time per round, and the most lines at once.
import { describe, expect, it } from 'vitest';
import type { FactoryEvent } from '../../../engine/contract/events.js';
import {
  engineTimeBesideRounds,
  engineTimePerRound,
  mostLinesAtOnce,
  type TimedEvent,
} from '../../../source/bench/parallel/task-times.js';

const at = (ms: number, task: number, type: string, extra: Record<string, unknown> = {}): TimedEvent => ({
  at: ms,
  event: { ts: '', task, round: 1, type, ...extra } as unknown as FactoryEvent,
});

describe('task times', () => {
  it('takes each round, and each task beside its rounds, less its own time in the worker and the sandbox', () => {
    const events = [
      at(0, 0, 'tests:started', { baseline: true }),
      at(500, 0, 'tests:finished', { baseline: true }),
      at(1000, 1, 'task:started'),
      at(1010, 1, 'round:started'),
      at(1100, 2, 'task:started'),
      at(1110, 2, 'round:started'),
      at(4100, 1, 'round:finished'),
      at(4240, 1, 'round:started'),
      at(4400, 2, 'round:finished'),
      at(5260, 1, 'round:finished'),
      at(5300, 1, 'task:finished'),
      at(5400, 2, 'line:merging'),
      at(6400, 2, 'task:finished'),
      at(6500, 3, 'task:started'),
      at(6600, 3, 'task:finished'),
    ];
    const outside = new Map([
      [0, [{ start: 0, end: 500 }]],
      // Task 1: worker and tests in round 1, worker in round 2; task 2: worker, then its merge's suite run.
      [
        1,
        [
          { start: 1020, end: 3020 },
          { start: 3030, end: 4030 },
          { start: 4250, end: 5250 },
        ],
      ],
      [
        2,
        [
          { start: 1120, end: 4120 },
          { start: 5500, end: 6300 },
        ],
      ],
    ]);
    // Rounds: 3090 - 3000, 1020 - 1000 (task 1); 3290 - 3000 (task 2).
    expect(engineTimePerRound(events, outside)).toEqual([90, 20, 290]);
    // Beside: task 1 4300 - 4000 - 110 = 190; task 2 5300 - 3800 - 290 = 1210; task 3 played no round.
    expect(engineTimeBesideRounds(events, outside)).toEqual([190, 1210]);
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

// The run's status folds the events: which tasks are green is read from their outcomes, never counted on top.
import { describe, expect, it } from 'vitest';
import type { FactoryEvent } from '../../../engine/contract/events.js';
import { initialStatus, reduceStatus } from '../../../engine/reports/run-status.js';
import { event, runStart } from '../../support/factory-events.js';

/** A resumed run: task 1 was ticked by the run that died before closing it, task 2 is still open. */
const resumed = (): FactoryEvent[] => {
  const [started] = runStart();
  const tasks = [
    { index: 1, title: 'Conversions', done: true },
    { index: 2, title: 'Parsing', done: false },
  ];
  return [{ ...started, resumed: true, tasks } as FactoryEvent];
};

const green = (task: number): FactoryEvent =>
  event('task:finished', { outcome: 'green', reason: 'green after 2 round(s)' }, { task, round: 2 });

describe('the run status', () => {
  it('counts a ticked task closed on resume once, and each task green in the run', () => {
    const fold = (events: FactoryEvent[]) => events.reduce(reduceStatus, initialStatus());
    expect(fold(resumed())).toMatchObject({ tasksGreen: 1, tasksTotal: 2 });
    expect(fold([...resumed(), green(1)])).toMatchObject({ tasksGreen: 1, greenTasks: [1] });
    expect(fold([...resumed(), green(1), green(2)])).toMatchObject({ tasksGreen: 2, greenTasks: [1, 2] });
  });

  it('a task that ends otherwise is not green', () => {
    const skipped = event('task:finished', { outcome: 'skipped', reason: 'skipped by the human' }, { task: 2 });
    expect([...resumed(), skipped].reduce(reduceStatus, initialStatus())).toMatchObject({ tasksGreen: 1 });
  });
});

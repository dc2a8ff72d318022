// A circle among task dependencies is found and named task by task.
import { describe, expect, it } from 'vitest';
import { describeCycle, findCycle } from '../../../engine/util/find-cycle.js';

describe('findCycle', () => {
  it('finds none in a graph that only fans in and out', () => {
    const edges = new Map([
      [1, []],
      [2, [1]],
      [3, [1, 2]],
      [4, [3, 2]],
    ]);
    expect(findCycle(edges)).toBeUndefined();
  });

  it('names a circle from where it starts, through a task without an entry of its own', () => {
    expect(
      findCycle(
        new Map([
          [1, [9]],
          [2, [3]],
          [3, [5]],
          [5, [2]],
        ]),
      ),
    ).toEqual([2, 3, 5, 2]);
    expect(findCycle(new Map([[4, [4]]]))).toEqual([4, 4]);
  });

  it('says the circle in words', () => {
    expect(describeCycle([3, 5, 3])).toBe('task 3 depends on task 5, which depends on task 3');
    expect(describeCycle([1, 2, 1], (task) => `#${task}`)).toBe('#1 depends on #2, which depends on #1');
  });
});

// The slots MAX_PARALLEL counts: taken by a line as it starts, given back for its merge, taken again (ahead of new
// lines) when the merge sends it back, and read live.
import { describe, expect, it } from 'vitest';
import { workerSlots } from '../../../engine/lines/worker-slots.js';

describe('worker slots', () => {
  it('frees a slot given back for a merge, and serves a line sent back before any new line', async () => {
    let width = 2;
    const slots = workerSlots(() => width);
    const first = slots.take();
    const second = slots.take();
    expect(slots.free()).toBe(0);

    const freed = slots.freed();
    first.release();
    await freed;
    expect(slots.free()).toBe(1);
    const third = slots.take();

    // The first line comes back from its merge: no slot is free, so it waits; the next slot given back is its own.
    let back = false;
    const retaken = first.retake().then(() => {
      back = true;
    });
    await Promise.resolve();
    expect(back).toBe(false);
    second.release();
    await retaken;
    expect(back).toBe(true);
    expect(slots.free()).toBe(0);

    // Giving back twice counts once; raising MAX_PARALLEL frees a slot at the next look.
    third.release();
    third.release();
    expect(slots.free()).toBe(1);
    width = 3;
    expect(slots.free()).toBe(2);
  });

  it('serves a waiting line as soon as MAX_PARALLEL is raised', async () => {
    let width = 1;
    const slots = workerSlots(() => width);
    const only = slots.take();
    const other = slots.take();
    other.release();
    let back = false;
    const retaken = other.retake().then(() => {
      back = true;
    });
    await Promise.resolve();
    expect(back).toBe(false);
    width = 2;
    expect(slots.free()).toBe(0);
    await retaken;
    expect(back).toBe(true);
    only.release();
    other.release();
    expect(slots.free()).toBe(2);
  });
});

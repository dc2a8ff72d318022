// Which lines are in their round's tests: from the round's worker call ending to the round ending. A merge waits for
// them until they end, or about as long as the last round's tests took, never longer.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { EventPayload, FactoryEventType, Say } from '../../../engine/contract/events.js';
import { testingLines } from '../../../engine/lines/testing-lines.js';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

const said: string[] = [];
const say: Say = (type) => void said.push(type);
const roundFinished = (durationMs: number) =>
  ({ record: { tests: { durationMs } } }) as unknown as EventPayload<'round:finished'>;
const emit = (line: Say, type: FactoryEventType, payload: unknown = {}) =>
  line(type, payload as EventPayload<typeof type>);

async function isSettled(promise: Promise<void>, afterMs: number): Promise<boolean> {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await vi.advanceTimersByTimeAsync(afterMs);
  return done;
}

it('waits while a line is in its tests, and no longer once its round ends', async () => {
  const lines = testingLines();
  const one = lines.watch(1, say);
  const two = lines.watch(2, say);
  emit(one, 'round:started');
  emit(one, 'agent:finished');
  emit(one, 'round:finished', roundFinished(1000));
  expect(said).toEqual(['round:started', 'agent:finished', 'round:finished']);
  // Line 2's round is past its worker call: a merge waits for it.
  emit(two, 'round:started');
  emit(two, 'agent:finished');
  const waiting = lines.settled();
  expect(await isSettled(waiting, 500)).toBe(false);
  emit(two, 'round:finished', roundFinished(1000));
  expect(await isSettled(waiting, 1)).toBe(true);
});

it('gives up after about one test run, and does not count a call outside a round', async () => {
  const lines = testingLines();
  const one = lines.watch(1, say);
  const two = lines.watch(2, say);
  // The reviewer's call, before any round: not a round's tests.
  emit(one, 'agent:finished');
  expect(await isSettled(lines.settled(), 1)).toBe(true);
  emit(two, 'round:started');
  emit(two, 'round:finished', roundFinished(200));
  emit(one, 'round:started');
  emit(one, 'agent:finished');
  // Line 1 never ends its round (its tests hang): the wait ends after 1.5 times the last tests' 200 ms.
  const waiting = lines.settled();
  expect(await isSettled(waiting, 250)).toBe(false);
  expect(await isSettled(waiting, 100)).toBe(true);
  // A line that ends without its round ending (a failure) is not waited for either.
  const again = lines.settled();
  lines.forget(1);
  expect(await isSettled(again, 1)).toBe(true);
});

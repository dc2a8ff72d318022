// Subscribes once to the engine's events and folds them into dashboard
// state in batches (~20 per second), so a burst costs one render.
import { useEffect, useReducer, type Dispatch } from 'react';
import type { FactoryEvent, Listener } from '../engine/contract/events.js';
import { initialDashboard, reduceDashboard, type DashboardState, type UiAction } from './dashboard-state.js';

/** What the dashboard reads events from: an attach client, or anything with the same shape. */
export type EventSource = { on(listener: Listener): () => void; closed?: Promise<void> };

// 50 ms: a line waits at most one slot (plus the frame's own drawing) and stays well within 100 ms of its event,
// while a fast stream costs 20 frames a second rather than 30.
const frameIntervalMs = 50;

export function useEngine(source: EventSource, intervalMs = frameIntervalMs): [DashboardState, Dispatch<UiAction>] {
  const [state, dispatch] = useReducer(reduceDashboard, undefined, initialDashboard);
  useEffect(() => {
    let queue: FactoryEvent[] = [];
    let timer: NodeJS.Timeout | undefined;
    let live = true;
    let lastFlush = 0;
    const flush = (): void => {
      timer = undefined;
      lastFlush = performance.now();
      if (queue.length === 0) return;
      const events = queue;
      queue = [];
      dispatch({ type: 'events', events });
    };
    const off = source.on((event) => {
      queue.push(event);
      // The first event after a quiet spell shows at once; a burst waits for the next slot.
      timer ??= setTimeout(flush, Math.max(0, lastFlush + intervalMs - performance.now()));
    });
    void source.closed?.then(() => {
      if (!live) return;
      clearTimeout(timer);
      flush();
      dispatch({ type: 'detached' });
    });
    return () => {
      live = false;
      off();
      clearTimeout(timer);
    };
  }, [source, intervalMs]);
  return [state, dispatch];
}

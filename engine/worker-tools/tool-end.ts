// How a finished tool call reads in one line, for the worker pane and the headless printer.
import type { EventPayload } from '../contract/events.js';

export function toolEnd(call: EventPayload<'tool:finished'>): string {
  const end = call.refused
    ? `refused: ${call.refused}`
    : call.timedOut
      ? 'killed: over TEST_TIMEOUT'
      : `exit ${call.exitCode ?? 'none'}`;
  return `${call.tool} ${call.detail} — ${end} (${(call.durationMs / 1000).toFixed(1)} s)`;
}

/** The last lines of what it printed, for a glance in the worker pane. */
export function toolOutputTail(call: EventPayload<'tool:finished'>, lines = 5): string[] {
  return call.output
    .split('\n')
    .map((line) => line.trimEnd())
    .filter(Boolean)
    .slice(-lines);
}

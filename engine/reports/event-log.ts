// Appends every event to .factory/events.ndjson, one JSON line each, and reads it back skipping a torn last line.
import fs from 'node:fs';
import path from 'node:path';
import type { FactoryEvent } from '../events.js';

/** Chunks of streamed text are many and small; they are kept on disk but capped per line. */
const maxLine = 64 * 1024;

export function eventLogWriter(file: string): (event: FactoryEvent) => void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'a');
  return (event) => {
    let line = JSON.stringify(event);
    if (line.length > maxLine) line = JSON.stringify({ ...event, truncated: true, ...shrink(event) });
    // One write per line: a crash can tear at most the last line, which the reader skips.
    fs.writeSync(fd, `${line}\n`);
  };
}

function shrink(event: FactoryEvent): Partial<Record<string, unknown>> {
  if ('text' in event && typeof event.text === 'string') return { text: event.text.slice(-maxLine / 2) };
  if ('prompt' in event) return { prompt: event.prompt.slice(0, maxLine / 2) };
  if ('diff' in event) return { diff: event.diff.slice(0, maxLine / 2) };
  if (event.type === 'tests:finished') return { result: { ...event.result, output: event.result.output.slice(-maxLine / 2) } };
  return {};
}

export function readEventLog(file: string): FactoryEvent[] {
  if (!fs.existsSync(file)) return [];
  const events: FactoryEvent[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      events.push(JSON.parse(line) as FactoryEvent);
    } catch {
      // A line torn by a crash: the events before it still stand.
    }
  }
  return events;
}

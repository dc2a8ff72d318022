// Appends every event to .factory/events.ndjson, one bounded JSON line each, and reads it back line by line.
import fs from 'node:fs';
import path from 'node:path';
import type { FactoryEvent } from '../events.js';
import type { FactoryPaths } from './factory-dir.js';
import { readLines } from '../util/read-lines.js';

/** Any line longer is shrunk (prompts, diffs, outputs are kept in part). */
const maxLine = 64 * 1024;
/** Streamed text kept per event in the log. */
export const streamedEventCap = 4 * 1024;
/** Streamed text kept in the log per round and kind (tests, agent); the rest is only in the round's output file. */
export const streamedRoundCap = 256 * 1024;
/** Bytes kept in a round's output file. */
export const outputFileCap = 16 * 1024 * 1024;
/** A line read back longer than this is skipped as damaged: a bounded log never writes one. */
const maxReadLine = 16 * 1024 * 1024;

const streamedTypes: ReadonlySet<string> = new Set(['agent:chunk', 'tests:output']);
type Streamed = Extract<FactoryEvent, { type: 'agent:chunk' | 'tests:output' }>;
const isStreamed = (event: FactoryEvent): event is Streamed => streamedTypes.has(event.type);

/** How much of one round's streamed output went where. */
type RoundOutput = { file: string; fileBytes: number; fileFull: boolean; logged: number; logFull: boolean };

export function eventLogWriter(paths: FactoryPaths): (event: FactoryEvent) => void {
  fs.mkdirSync(paths.root, { recursive: true });
  const fd = fs.openSync(paths.events, 'a');
  const rounds = new Map<string, RoundOutput>();
  const started = new Set<string>();
  // One write per line: a crash can tear at most the last line, which the reader skips.
  const write = (event: FactoryEvent & { truncated?: boolean }): void => void fs.writeSync(fd, `${bounded(event)}\n`);
  return (event) => {
    if (!isStreamed(event)) return write(event);
    const kind = event.type === 'tests:output' ? 'tests' : 'agent';
    const key = `${event.task}:${event.round}:${kind}`;
    let round = rounds.get(key);
    if (!round) {
      // Only the rounds in progress need counters (one per production line at most): the oldest go first.
      if (rounds.size >= 64) rounds.delete(rounds.keys().next().value ?? '');
      const file = paths.outputFile(event.task, event.round, kind);
      // A round's file starts empty once in this process; one whose counters were dropped goes on where it was.
      const again = started.has(key);
      round = { file, fileBytes: again ? fileSize(file) : 0, fileFull: false, logged: 0, logFull: false };
      rounds.set(key, round);
      started.add(key);
      fs.mkdirSync(paths.output, { recursive: true });
      if (!again) fs.writeFileSync(round.file, '');
    }
    keepInFile(round, event.text);
    if (round.logFull) return;
    const room = streamedRoundCap - round.logged;
    const relative = path.relative(path.dirname(paths.root), round.file);
    if (room <= 0) {
      round.logFull = true;
      return write({ ...event, text: `\n[… more output in ${relative} …]\n`, truncated: true });
    }
    const text =
      event.text.length > Math.min(room, streamedEventCap)
        ? event.text.slice(0, Math.min(room, streamedEventCap))
        : event.text;
    round.logged += text.length;
    write(text === event.text ? event : { ...event, text, truncated: true });
  };
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function keepInFile(round: RoundOutput, text: string): void {
  if (round.fileFull) return;
  const bytes = Buffer.from(text);
  const room = outputFileCap - round.fileBytes;
  if (bytes.length <= room) {
    fs.appendFileSync(round.file, bytes);
    round.fileBytes += bytes.length;
    return;
  }
  fs.appendFileSync(
    round.file,
    Buffer.concat([
      bytes.subarray(0, room),
      Buffer.from(`\n[… output cut at ${outputFileCap} bytes: the end is in the round report …]\n`),
    ]),
  );
  round.fileFull = true;
}

function bounded(event: FactoryEvent & { truncated?: boolean }): string {
  const line = JSON.stringify(event);
  return line.length > maxLine ? JSON.stringify({ ...event, truncated: true, ...shrink(event) }) : line;
}

function shrink(event: FactoryEvent): Partial<Record<string, unknown>> {
  if ('text' in event && typeof event.text === 'string') return { text: event.text.slice(-maxLine / 2) };
  if ('prompt' in event) return { prompt: event.prompt.slice(0, maxLine / 2) };
  if ('diff' in event) return { diff: event.diff.slice(0, maxLine / 2) };
  return {};
}

// say() writes ts, task, round, then type: the type is found without parsing a streamed line.
const streamedLine = /^\{"ts":"[^"]*","task":\d+,"round":\d+,"type":"(?:agent:chunk|tests:output)"/;

/**
 * Reads the log line by line (never as one string: a log may be larger than a string can be), skipping a torn or
 * oversized line. Streamed output is left out unless asked for: resuming, status and reset need only the rest.
 */
export async function readEventLog(file: string, options: { streamed?: boolean } = {}): Promise<FactoryEvent[]> {
  const events: FactoryEvent[] = [];
  if (!fs.existsSync(file)) return events;
  for await (const line of readLines(file, maxReadLine)) {
    if (!line.trim() || (!options.streamed && streamedLine.test(line))) continue;
    try {
      const event = JSON.parse(line) as FactoryEvent;
      if (options.streamed || !isStreamed(event)) events.push(event);
    } catch {
      // A line torn by a crash: the events before it still stand.
    }
  }
  return events;
}

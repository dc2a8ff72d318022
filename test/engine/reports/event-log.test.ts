// events.ndjson stays bounded whatever a round prints, the full output goes to a capped per-round file, and the
// log is read back line by line, skipping a torn or oversized line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FactoryEvent } from '../../../engine/events.js';
import {
  eventLogWriter,
  outputFileCap,
  readEventLog,
  streamedEventCap,
  streamedRoundCap,
} from '../../../engine/reports/event-log.js';
import { factoryPaths } from '../../../engine/reports/factory-dir.js';

const at = (task: number, round: number) => ({ ts: new Date().toISOString(), task, round });

describe('event log', () => {
  it('keeps every round file whole while many production lines stream at once', () => {
    const paths = factoryPaths(fs.mkdtempSync(path.join(os.tmpdir(), 'event-log-')));
    const write = eventLogWriter(paths);
    // Twelve lines' rounds, each streaming tests and agent output, interleaved chunk by chunk.
    for (let chunk = 0; chunk < 3; chunk++)
      for (let task = 1; task <= 12; task++) {
        write({ ...at(task, 1), type: 'tests:output', text: `tests ${task}.${chunk}\n` });
        write({ ...at(task, 1), type: 'agent:chunk', text: `agent ${task}.${chunk}\n` });
      }
    for (let task = 1; task <= 12; task++) {
      expect(fs.readFileSync(paths.outputFile(task, 1, 'tests'), 'utf8')).toBe(
        [0, 1, 2].map((chunk) => `tests ${task}.${chunk}\n`).join(''),
      );
      expect(fs.readFileSync(paths.outputFile(task, 1, 'agent'), 'utf8')).toContain(`agent ${task}.0\nagent ${task}.1`);
    }
  });

  it('caps streamed output per event and per round in the log, and keeps the rest in a capped round file', async () => {
    const paths = factoryPaths(fs.mkdtempSync(path.join(os.tmpdir(), 'event-log-')));
    const write = eventLogWriter(paths);
    write({ ...at(0, 0), type: 'run:error', message: 'first' });
    const chunk = 'x'.repeat(64 * 1024);
    // 20 MB of test output in round 2 of task 1, and a little agent text.
    for (let sent = 0; sent < 20 * 1024 * 1024; sent += chunk.length)
      write({ ...at(1, 2), type: 'tests:output', text: chunk });
    write({ ...at(1, 2), type: 'agent:chunk', text: 'thinking ✓' });
    write({ ...at(1, 2), type: 'run:error', message: 'last' });

    const log = fs.statSync(paths.events).size;
    expect(log).toBeGreaterThan(streamedRoundCap);
    expect(log).toBeLessThan(streamedRoundCap + 64 * 1024);
    const lines = fs
      .readFileSync(paths.events, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as FactoryEvent & { truncated?: boolean });
    const outputs = lines.filter((event) => event.type === 'tests:output');
    expect(outputs.every((event) => event.type === 'tests:output' && event.text.length <= streamedEventCap + 100)).toBe(
      true,
    );
    expect(outputs.at(-1)).toMatchObject({
      truncated: true,
      text: '\n[… more output in .factory/output/task_1_round_2_tests.txt …]\n',
    });

    const file = paths.outputFile(1, 2, 'tests');
    expect(fs.statSync(file).size).toBeGreaterThan(outputFileCap);
    expect(fs.statSync(file).size).toBeLessThan(outputFileCap + 200);
    expect(
      fs
        .readFileSync(file, 'utf8')
        .endsWith(`[… output cut at ${outputFileCap} bytes: the end is in the round report …]\n`),
    ).toBe(true);
    expect(fs.readFileSync(paths.outputFile(1, 2, 'agent'), 'utf8')).toBe('thinking ✓');

    const read = await readEventLog(paths.events);
    expect(read.map((event) => event.type)).toEqual(['run:error', 'run:error']);
    expect((await readEventLog(paths.events, { streamed: true })).length).toBe(lines.length);
  });

  it('reads line by line, skipping a torn last line and a line too long to be one the writer wrote', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'event-log-')), 'events.ndjson');
    const event = (message: string): string => JSON.stringify({ ...at(0, 0), type: 'run:error', message });
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, `${event('one')}\n`);
    // An old, unbounded line of 20 MB: skipped without being held whole.
    fs.writeSync(fd, `{"ts":"x","task":0,"round":0,"type":"run:error","message":"${'y'.repeat(20 * 1024 * 1024)}"}\n`);
    for (let index = 0; index < 50_000; index++) fs.writeSync(fd, `${event(`n${index}`)}\n`);
    fs.writeSync(fd, event('torn').slice(0, 30));
    fs.closeSync(fd);
    const events = await readEventLog(file);
    expect(events).toHaveLength(50_001);
    expect(events[0]).toMatchObject({ message: 'one' });
    expect(events.at(-1)).toMatchObject({ message: 'n49999' });
  });
});

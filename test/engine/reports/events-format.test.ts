// events.ndjson says its format in run:started: readers refuse what they cannot read, with a message that says why.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReadable, checkResumable, eventsFormat } from '../../../engine/reports/events-format.js';
import { factoryPaths } from '../../../engine/reports/factory-dir.js';
import { findResumePoint } from '../../../engine/run/resume-point.js';
import { excerptLimit, reportToSummary, testsReport } from '../../../engine/test-runner/tests-report.js';
import { UserError } from '../../../engine/util/errors.js';
import { runFactory } from '../../support/cli.js';
import { event, runStart, testSummary } from '../../support/factory-events.js';
import { makeProject } from '../../support/project.js';

const stopped = (format: number | undefined) => {
  const [started, ...rest] = runStart();
  const { format: _format, ...unversioned } = started as typeof started & { format: number };
  return [
    format === undefined ? unversioned : { ...unversioned, format },
    ...rest,
    event('run:finished', { outcome: 'stopped', exitCode: 1, reason: 'stopped', tasksGreen: 0, tasksTotal: 2 }),
  ] as ReturnType<typeof runStart>;
};

describe('events format', () => {
  it('is stamped into run:started and read back; formats up to this one are readable, a newer one is not', () => {
    expect(runStart()[0]).toMatchObject({ type: 'run:started', format: eventsFormat });
    expect(() => checkReadable({}, 'events.ndjson')).not.toThrow();
    expect(() => checkReadable({ format: eventsFormat }, 'events.ndjson')).not.toThrow();
    expect(() => checkReadable({ format: eventsFormat + 1 }, 'x/events.ndjson')).toThrow(UserError);
    expect(() => checkReadable({ format: eventsFormat + 1 }, 'x/events.ndjson')).toThrow(
      `x/events.ndjson was written by a newer factory (events format ${eventsFormat + 1}; this one reads formats 1 to ${eventsFormat}): update factory to read it`,
    );
  });

  it('resumes only its own format, and says how to get out of an older one', () => {
    expect(findResumePoint(stopped(eventsFormat))).toMatchObject({ runId: 'r1' });
    expect(() => findResumePoint(stopped(undefined), '.', 'p/.factory/events.ndjson')).toThrow(
      'the stopped run in p/.factory/events.ndjson was recorded by an older factory (events format 1; this one resumes format 2): finish it with the factory that started it, or throw it away with `factory reset` and start afresh',
    );
    expect(() => checkResumable({ format: 7 }, 'events.ndjson')).toThrow(/newer factory \(events format 7/);
    // A finished run of an older format is nothing to resume: a new run starts.
    const finished = stopped(undefined).map((item) =>
      item.type === 'run:finished' ? { ...item, outcome: 'green' as const } : item,
    );
    expect(findResumePoint(finished)).toBeUndefined();
  });

  it('factory status refuses a log from a newer factory with that message', async () => {
    const dir = makeProject();
    const paths = factoryPaths(dir);
    fs.mkdirSync(paths.root, { recursive: true });
    const [started] = runStart();
    fs.writeFileSync(paths.events, `${JSON.stringify({ ...started, format: 99 })}\n`);
    const result = await runFactory(dir, ['status']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('was written by a newer factory (events format 99;');
  });
});

describe('tests:finished carries a summary and a path', () => {
  it('keeps the end of the output in the event, and a resumed run reads the whole output back from its file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-report-'));
    const paths = factoryPaths(dir);
    const output = `${'x'.repeat(10_000)}\nFAILED tests/test_calc.py::test_add\n`;
    const report = testsReport(testSummary(1, 1, output), paths, { task: 2, round: 3 });
    expect(report).not.toHaveProperty('output');
    expect(report.outputFile).toBe('.factory/output/task_2_round_3_tests.txt');
    expect(report.excerpt.length).toBeLessThan(excerptLimit + 100);
    expect(report.excerpt.endsWith('FAILED tests/test_calc.py::test_add\n')).toBe(true);
    expect(report).toMatchObject({ passed: 1, failed: 1, exitCode: 1, headline: '1/2 passing' });
    expect(reportToSummary(report, dir).output).toBe(report.excerpt);
    fs.mkdirSync(paths.output, { recursive: true });
    fs.writeFileSync(path.join(dir, report.outputFile), output);
    expect(reportToSummary(report, dir)).toEqual(testSummary(1, 1, output));
  });
});

// Makes what tests:finished carries (TestsReport: the run's summary and the file of its full output) from a run's
// summary, and a summary whole again from it.
import fs from 'node:fs';
import path from 'node:path';
import type { FactoryPaths } from '../reports/factory-dir.js';
import { outputCap } from '../sandbox/sandbox.js';
import { tail } from '../util/capped-text.js';
import type { TestSummary, TestsReport } from '../contract/test-summary.js';

/**
 * The end of the output kept in the event: what the final report and a dashboard that saw no stream show.
 * @internal the tests size their input by it.
 */
export const excerptLimit = 4000;

/** at: the task and round the event is stamped with (the event log writes that run's output file). */
export function testsReport(
  summary: TestSummary,
  paths: FactoryPaths,
  at: { task: number; round: number },
): TestsReport {
  const { output, ...rest } = summary;
  const file = paths.outputFile(at.task, at.round, 'tests');
  return { ...rest, excerpt: tail(output, excerptLimit), outputFile: path.relative(path.dirname(paths.root), file) };
}

/** A summary whole again (for a resumed run's next prompt): the output's end from its file, else the excerpt. */
export function reportToSummary(report: TestsReport, projectDir: string): TestSummary {
  const { excerpt, outputFile, ...rest } = report;
  return { ...rest, output: readTail(path.join(projectDir, outputFile), outputCap) ?? excerpt };
}

function readTail(file: string, limit: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    const length = Math.min(size, limit);
    const buffer = Buffer.alloc(length);
    fs.readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

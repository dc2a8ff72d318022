// The format of .factory/events.ndjson, stamped into every run:started: a reader that does not know a log's format
// says so clearly instead of misreading it.
import { UserError } from '../util/errors.js';

/**
 * 2: tests:finished carries the run's summary and its output's file (TestsReport), not the whole output.
 * 1: logs from before run:started had a format (no field).
 */
export const eventsFormat = 2;

/** The format of the run a run:started began; a log from before the field existed is format 1. */
const formatOf = (started: { format?: number }): number => started.format ?? 1;

/**
 * For `factory status` (and the like): every format up to this factory's can be shown; a newer one cannot.
 * file: the log, named in the message.
 */
export function checkReadable(started: { format?: number }, file: string): void {
  const format = formatOf(started);
  if (Number.isInteger(format) && format >= 1 && format <= eventsFormat) return;
  throw new UserError(
    `${file} was written by a newer factory (events format ${String(format)}; ` +
      `this one reads formats 1 to ${eventsFormat}): update factory to read it`,
  );
}

/** For resuming: only a run recorded in this factory's own format can be taken up where it stopped. */
export function checkResumable(started: { format?: number }, file: string): void {
  checkReadable(started, file);
  const format = formatOf(started);
  if (format === eventsFormat) return;
  throw new UserError(
    `the stopped run in ${file} was recorded by an older factory (events format ${format}; ` +
      `this one resumes format ${eventsFormat}): finish it with the factory that started it, ` +
      'or throw it away with `factory reset` and start afresh',
  );
}

// The last word of a failed command: a plain message for the user's mistakes, the stack only for our own bugs.
import { UserError } from '../engine/util/errors.js';
import { exitCodes } from '../engine/run/exit-codes.js';

export function fail(error: unknown): never {
  if (error instanceof UserError) {
    process.stderr.write(`factory: ${error.message}\n`);
    process.exit(error.exitCode);
  }
  process.stderr.write(
    'factory: internal error (please report it): ' +
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(exitCodes.error);
}

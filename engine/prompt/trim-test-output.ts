// Keeps the part of a test run's output a model needs: the failures and the summary, not the collection noise.
import { tail } from '../util/capped-text.js';

const failureSections = [
  /^=+ (FAILURES|ERRORS) =+$/m,
  /^ *⎯+ Failed Tests/m,
  /^--- FAIL/m,
  /^failures:$/m,
  /^Failing scenarios:/m,
];

export function trimTestOutput(output: string, limit = 6000): string {
  const start = failureSections
    .map((pattern) => pattern.exec(output)?.index)
    .filter((index): index is number => index !== undefined);
  const relevant = start.length > 0 ? output.slice(Math.min(...start)) : output;
  return tail(relevant.trim(), limit);
}

// The fingerprint of a failing round: which tests fail and the first error of each, with line numbers, timings and
// addresses normalised away.
import type { TestSummary } from '../contract/test-summary.js';
import { textBefore } from '../util/text-before.js';

function normaliseError(text: string): string {
  return text
    .replace(/0x[0-9a-f]+/gi, '0x…')
    .replace(/(\.\w+):\d+(:\d+)?/g, '$1:…')
    .replace(/\bline \d+/gi, 'line …')
    .replace(/\b\d+(\.\d+)?\s?(ms|s|sec|seconds)\b/g, '… s')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Undefined for a green round; the same string for rounds that fail the same way. */
export function failureFingerprint(tests: TestSummary, failing: string[]): string | undefined {
  if (tests.green && failing.length === 0) return undefined;
  if (failing.length === 0) {
    const firstError = tests.output.split('\n').find((line) => /error|fail|assert/i.test(line)) ?? tests.headline;
    return `suite: ${normaliseError(firstError)}`;
  }
  return [...failing]
    .sort()
    .map((id) => `${id}: ${normaliseError(tests.errors[id] ?? '')}`)
    .join('\n');
}

/** "test_spare fails with the same AssertionError: …" for the valve's evidence. */
export function describeFingerprint(fingerprint: string): string {
  const lines = fingerprint.split('\n');
  const [id, error] = textBefore(fingerprint, '\n').split(/: (.*)/s);
  const more = lines.length > 1 ? ` (and ${lines.length - 1} more test${lines.length > 2 ? 's' : ''})` : '';
  return `${id}${more} fails with the same ${error ? `error: ${error}` : 'failure'}`;
}

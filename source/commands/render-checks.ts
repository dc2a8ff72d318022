// The table `factory doctor` prints: one row per check, then what to do about each problem.
import type { CheckResult } from '../../engine/doctor/check.js';

const marks = { ok: 'ok  ', warn: 'WARN', fail: 'FAIL' } as const;

export function renderChecks(results: CheckResult[]): string {
  const width = Math.max(...results.map((result) => result.name.length));
  const rows = results.map((result) => `${marks[result.status]}  ${result.name.padEnd(width)}  ${result.detail}`);
  const todo = results.filter((result) => result.fix).map((result) => `- ${result.name}: ${result.fix}`);
  const verdict = results.some((result) => result.status === 'fail')
    ? 'The configured run cannot work yet: fix the FAIL lines.'
    : 'The configured run can start.';
  return `${rows.join('\n')}\n${todo.length > 0 ? `\nWhat to do:\n${todo.join('\n')}\n` : ''}\n${verdict}\n`;
}

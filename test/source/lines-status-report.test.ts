// A real run of two production lines (l1's engine, scripted workers per task), then `factory status` and
// final_report.md: each line listed with its task, outcome, rounds and merges; the second line's first merge
// conflicts, so it shows one return and why.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFactory } from '../support/cli.js';
import { conflictingCalcProject } from '../support/lines-project.js';
import { requirePytest } from '../support/python.js';

describe.skipIf(requirePytest())('factory status and the final report with lines', () => {
  it('list each line: task, outcome, rounds, merges and returns', { timeout: 120_000 }, async () => {
    // Both tasks edit the same function: the second to merge conflicts, goes back, and is green on its second round.
    const dir = conflictingCalcProject();
    const run = await runFactory(dir, ['run']);
    expect(run.exitCode, run.stderr).toBe(0);
    const status = (await runFactory(dir, ['status'])).stdout;
    expect(status).toContain('lines    0 running, 2 green, 2 in all');
    expect(status).toMatch(/ {2}L1 task 1: Add to calc — green \(closed\), round 1\/6, .*1 merge\(s\), 0 return\(s\)/);
    expect(status).toMatch(
      / {2}L2 task 2: Multiply in calc — green \(closed\), round 2\/6, .*2 merge\(s\), 1 return\(s\) \(last: conflict: /,
    );
    const report = fs.readFileSync(path.join(dir, '.factory', 'final_report.md'), 'utf8');
    expect(report).toContain('## Lines');
    expect(report).toMatch(
      /\| 1\. Add to calc .*\| green \| 1 \| 1 \(merged [0-9a-f]{7}\) \| 0 \| `factory\/.+-task-1` \|/,
    );
    expect(report).toMatch(
      /\| 2\. Multiply in calc .*\| green \| 2 \| 2 \(merged [0-9a-f]{7}\) \| 1 \| `factory\/.+-task-2` \|/,
    );
    expect(report).toMatch(/### Sent back to its line\n\n- round 1: conflict \(calc\.py\) — /);
  });
});

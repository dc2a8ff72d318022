// final_report.md from a real run: per task the rounds, usage, files, valve trips, supervisor decisions and last test output.
import { describe, expect, it } from 'vitest';
import { addTests } from '../../support/calculator-plan.js';
import { makeProject, read, runProject } from '../../support/scripted-project.js';

describe('final report', () => {
  it('lists valve trips, supervisor decisions and the last test output of a task that did not make it', async () => {
    const dir = makeProject({
      tasks: ['Add numbers (tests: tests/test_add.py)', 'Multiply numbers'],
      settings: { MAX_ROUNDS: '2', SUPERVISOR: 'scripted' },
      files: { 'tests/test_add.py': addTests },
      script: {
        worker: [
          {
            write: { 'actions/add.py': 'def add(a, b):\n    return 0\n' },
            inputTokens: 1000,
            outputTokens: 50,
            costUsd: 0.1,
          },
          { write: { 'actions/add.py': 'def add(a, b):\n    return 1\n' }, costUsd: 0.1 },
        ],
        supervisor: [{ decision: 'REDIRECT', reason: 'wrong operator', instructions: 'use +' }],
      },
    });
    const run = await runProject(dir);
    expect(run.result.outcome).toBe('valve');
    const report = read(dir, '.factory/final_report.md');
    expect(report).toContain('| 1. Add numbers | stopped | 2 |');
    expect(report).toContain('| 2. Multiply numbers | not started | 0 |');
    expect(report).toContain('- Rounds: 2, time');
    expect(report).toContain('cost $0.2000, 1050 tokens');
    expect(report).toContain('- Files touched: actions/add.py');
    expect(report).toContain('- Tests locked: none (none locked)');
    expect(report).toContain('### Valve trips\n\n- round 2: MAX_ROUNDS reached (2 rounds)');
    expect(report).toContain(
      '### Supervisor decisions\n\n- round 1: supervisor REDIRECT — wrong operator\n- round 2: supervisor CONTINUE — script exhausted',
    );
    expect(report).toMatch(
      /### Last test output: 0\/2 passing\n\n`python3 -m pytest[^`]*`\n\n```\n[\s\S]*FAILED tests\/test_add\.py::test_add_negative/,
    );
    expect(report).not.toContain('## Task 2');
  });
});

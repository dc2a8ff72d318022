// LEGO mode: long files and files outside contracts/ tests/ actions/ entry/ reach the next prompt and the reports, never blocking green.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLego } from '../../../engine/lego/check-lego.js';
import { configKeys } from '../../../engine/config/keys.js';
import { addTests, calculatorPlan } from '../../support/calculator-plan.js';
import { makeProject, read, runProject } from '../../support/scripted-project.js';

const longAdd = (result: string): string =>
  `def add(a, b):\n    return ${result}\n${Array.from({ length: 128 }, (_, line) => `# padding ${line}`).join('\n')}\n`;
const defaultExceptions = configKeys.find((key) => key.key === 'LEGO_EXCEPTIONS')!.default.split(',');

describe('checkLego', () => {
  it('counts lines, knows the four folders and honours the exceptions', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-lego-'));
    const files: Record<string, string> = {
      'actions/long.py': 'x\n'.repeat(101),
      'actions/short.py': 'x\n'.repeat(100),
      'util.py': 'x\n',
      'conftest.py': 'x\n',
      'RFP/notes.md': 'x\n',
      'pkg/__init__.py': '',
    };
    for (const [file, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), content);
    }
    expect(checkLego(dir, [...Object.keys(files), 'gone.py'], defaultExceptions)).toEqual([
      'actions/long.py has 101 lines (more than 100): split it into bricks with one job each',
      'util.py is outside contracts/ tests/ actions/ entry/: move it into the folder of its job',
    ]);
    expect(checkLego(dir, ['util.py'], ['util.*'])).toEqual([]);
  });
});

describe('LEGO mode in a run', () => {
  it('puts a 130-line file and a file outside the folders into the next prompt and the reports, and still goes green', async () => {
    const dir = makeProject({
      tasks: ['Add numbers'],
      script: {
        architect: [calculatorPlan(1)],
        reviewer: [{ write: { 'tests/test_add.py': addTests } }],
        worker: [
          { write: { 'actions/add.py': longAdd('a - b'), 'helpers.py': 'def unused():\n    pass\n' } },
          { write: { 'actions/add.py': longAdd('a + b') } },
        ],
      },
    });
    const run = await runProject(dir);
    const expected = [
      'actions/add.py has 130 lines (more than 100): split it into bricks with one job each',
      'helpers.py is outside contracts/ tests/ actions/ entry/: move it into the folder of its job',
    ];
    expect(run.of('lego:violations').map((event) => [event.round, event.violations])).toEqual([[1, expected]]);
    const second = run.of('prompt:built').filter((event) => event.round === 2)[0]!.prompt;
    expect(second).toContain(`## Notes\n- LEGO: ${expected[0]}\n- LEGO: ${expected[1]}`);
    expect(read(dir, '.factory/rounds/round_1.md')).toContain(`- LEGO: ${expected[1]}`);
    expect(read(dir, '.factory/rounds/round_2.md')).toContain(`- LEGO: ${expected[0]}`);
    expect(run.of('round:finished').map((event) => event.record.green)).toEqual([false, true]);
    const report = read(dir, '.factory/final_report.md');
    expect(report).toContain(`### LEGO findings\n\n- ${expected[0]}\n- ${expected[1]}`);
    expect(run.of('prompt:built').find((event) => event.strategy === 'plan')!.prompt).toContain(
      '- Put files in four folders: contracts/ (schemas, types, interfaces), actions/ (logic)',
    );
    expect(run.result.outcome).toBe('green');
  });

  it('LEGO_MODE=false checks nothing', async () => {
    const dir = makeProject({
      tasks: ['Add numbers'],
      settings: { LEGO_MODE: 'false' },
      script: {
        architect: [calculatorPlan(1)],
        reviewer: [{ write: { 'tests/test_add.py': addTests } }],
        worker: [{ write: { 'actions/add.py': longAdd('a + b'), 'helpers.py': '' } }],
      },
    });
    const run = await runProject(dir);
    expect(run.result.outcome).toBe('green');
    expect(run.of('lego:violations')).toEqual([]);
    expect(run.of('prompt:built').find((event) => event.strategy === 'plan')!.prompt).not.toContain('LEGO mode');
  });
});

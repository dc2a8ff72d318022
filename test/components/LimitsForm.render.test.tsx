// The limits form on its own (ink-testing-library): how it draws the values, the picked row, a draft and a message.
// The keys that drive it are the Dashboard's: LimitsForm.test.tsx presses them in a whole screen.
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import LimitsForm from '../../components/LimitsForm.js';
import { liveKeys } from '../../engine/config/live-setting.js';
import { stripVTControlCharacters as stripAnsi } from 'node:util';

afterEach(cleanup);

const settings = { WORKER_MODEL: '', MODE: 'Dual', MAX_ROUNDS: '20', MAX_FAIL_STREAK: '5' };

const draw = (props: Partial<Parameters<typeof LimitsForm>[0]> = {}): string[] => {
  const { lastFrame } = render(
    <LimitsForm form={{ row: 0, editing: false }} settings={settings} draft="" width={100} height={16} {...props} />,
  );
  return stripAnsi(lastFrame() ?? '').split('\n');
};
const rowOf = (lines: string[], key: string): string =>
  lines
    .find((line) => line.includes(` ${key} `))
    ?.replace(/^║/, '')
    .replace(/[║ ]+$/, '') ?? '';

describe('LimitsForm', () => {
  it('lists every live setting: its value, (empty) for an empty one, and says which the run did not report', () => {
    const lines = draw();
    expect(lines[1]).toContain('Limits · changes apply from the next round · j/k pick · enter edits · esc closes');
    for (const key of liveKeys) expect(rowOf(lines, key), key).not.toBe('');
    expect(rowOf(lines, 'WORKER_MODEL')).toMatch(/^› WORKER_MODEL\s+\(empty\)$/);
    expect(rowOf(lines, 'MAX_ROUNDS')).toMatch(/^ {2}MAX_ROUNDS\s+20$/);
    expect(rowOf(lines, 'MAX_MINUTES')).toMatch(/MAX_MINUTES\s+\? \(not reported by this run\)$/);
  });

  it('while editing shows the draft in place of the value, the edit hint and the message', () => {
    const row = liveKeys.indexOf('MAX_ROUNDS');
    const lines = draw({
      form: { row, editing: true, message: { tone: 'failure', text: 'MAX_ROUNDS=lots is not allowed' } },
      draft: 'lots',
    });
    expect(lines[1]).toContain('type the value · enter sends · esc cancels');
    expect(rowOf(lines, 'MAX_ROUNDS')).toMatch(/^› MAX_ROUNDS\s+lots$/);
    expect(rowOf(lines, 'WORKER_MODEL')).toMatch(/^ {2}WORKER_MODEL\s+\(empty\)$/);
    expect(lines.join('\n')).toContain('MAX_ROUNDS=lots is not allowed');
  });
});

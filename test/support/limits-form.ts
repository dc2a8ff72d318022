// Drives the dashboard's limits form in a fake terminal, each key seen on screen before the next (no race with the frame).
import { expect, vi } from 'vitest';
import { liveKeys } from '../../engine/config/live-setting.js';
import { stripVTControlCharacters as stripAnsi } from 'node:util';
import { keys } from './fake-terminal.js';
import { press } from './press-key.js';

type View = { frame(): string; stdin: { write(data: string): void }; stdout: { frames: string[] } };

/** A setting's row as drawn: the pick marker, the key, its value (while editing: the draft). */
export const formRow = (view: View, key: string): string =>
  stripAnsi(view.frame())
    .split('\n')
    .find((line) => line.includes(` ${key} `))
    ?.replace(/^[^›\w]*/, '')
    .replace(/[│║ ]+$/, '') ?? '';

const formValue = (view: View, key: string): string => formRow(view, key).replace(new RegExp(`^›?\\s*${key}\\s*`), '');

const picked = (view: View): string | undefined => liveKeys.find((key) => formRow(view, key).startsWith('›'));

/** Moves the pick down (j) to a setting. */
async function pickSetting(view: View, key: string): Promise<void> {
  for (let n = 0; n < liveKeys.length && picked(view) !== key; n++) {
    const next = liveKeys[(liveKeys.indexOf(picked(view)!) + 1) % liveKeys.length];
    await press(view, 'j');
    await vi.waitFor(() => expect(picked(view)).toBe(next));
  }
  expect(picked(view)).toBe(key);
}

/** Picks a setting, opens its edit and replaces the value with another; the value is not sent yet. */
export async function enterValue(view: View, key: string, value: string): Promise<void> {
  await pickSetting(view, key);
  await press(view, keys.enter);
  await vi.waitFor(() => expect(stripAnsi(view.frame())).toContain('type the value · enter sends · esc cancels'));
  while (formValue(view, key)) {
    const before = formValue(view, key);
    await press(view, '\u007f');
    await vi.waitFor(() => expect(formValue(view, key)).toBe(before.slice(0, -1)));
  }
  for (let n = 1; n <= value.length; n++) {
    await press(view, value[n - 1]!);
    await vi.waitFor(() => expect(formValue(view, key)).toBe(value.slice(0, n)));
  }
}

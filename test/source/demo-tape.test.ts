// demo.tape stays in step with the dashboard: it records `factory demo`, sets its size and theme, and every key it presses is bound.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keymap } from '../../components/keymap.js';

const tape = fs
  .readFileSync(new URL('../../demo.tape', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'));

describe('demo.tape', () => {
  it('records factory demo with a size and a theme', () => {
    expect(tape[0]).toMatch(/^Output \S+\.gif$/);
    for (const setting of ['Width', 'Height', 'Theme'])
      expect(
        tape.some((line) => line.startsWith(`Set ${setting} `)),
        setting,
      ).toBe(true);
    expect(tape).toContain('Type "factory demo"');
  });

  it('presses only keys the dashboard binds, including pause, redirect and quit', () => {
    const keys = tape.filter((line) => /^Type "."$/.test(line)).map((line) => line.slice(6, 7));
    const bound = new Set(
      keymap
        .filter((binding) => binding.scope === 'global' || binding.scope === 'diff')
        .flatMap((binding) => binding.keys),
    );
    for (const key of keys) expect(bound.has(key), `demo.tape presses ${key}, which no binding has`).toBe(true);
    for (const key of ['p', 'r', 'q']) expect(keys).toContain(key);
    expect(tape).toContain('Escape');
  });
});

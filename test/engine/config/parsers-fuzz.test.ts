// Generated inputs: the config and tasks.md parsers return a value or a clear problem, and never throw anything else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeConfigBytes, parseConfigText } from '../../../engine/config/parse-config-file.js';
import { configKeys } from '../../../engine/config/keys.js';
import { parseTasks } from '../../../engine/rfp/tasks-file.js';

const keyish = fc.oneof(
  fc.constantFrom(...configKeys.map((definition) => definition.key)),
  fc.stringMatching(/^[A-Z][A-Z0-9_]{0,12}$/),
);
const line = fc.oneof(
  fc.string(),
  fc.tuple(keyish, fc.string()).map(([key, value]) => `${key}=${value}`),
  fc.constantFrom('', '# heading', '- `MODE=Dual`', 'MAX_ROUNDS=0x10', 'MAX_COST_USD=1e3', 'MODE==Dual'),
);

describe('parsers over generated input', () => {
  it('parseConfigText: every problem names file, line and a message; every setting is a known key', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const parsed = parseConfigText(lines.join(fc.sample(fc.constantFrom('\n', '\r\n'), 1)[0]), 'factory_config.md');
        for (const problem of parsed.problems) {
          expect(problem.file).toBe('factory_config.md');
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.message.length).toBeGreaterThan(5);
        }
        for (const [key, setting] of parsed.settings) {
          expect(configKeys.some((definition) => definition.key === key)).toBe(true);
          expect(setting.line).toBeLessThanOrEqual(lines.length);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('decodeConfigBytes: any bytes give text or a UTF-8 problem with a line', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const decoded = decodeConfigBytes(bytes, 'f.md');
        if ('problem' in decoded) expect(decoded.problem.line).toBeGreaterThanOrEqual(1);
        else expect(typeof decoded.text).toBe('string');
      }),
      { numRuns: 500 },
    );
  });

  it('parseTasks: tasks are numbered in order and point at checklist lines', () => {
    const taskLine = fc
      .tuple(fc.constantFrom('- [ ] ', '- [x] ', '* [X] ', '1. [ ] ', '-[ ] ', '- [] '), fc.string())
      .map(([prefix, text]) => prefix + text);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), taskLine), { maxLength: 40 }), (lines) => {
        const tasks = parseTasks(lines.join('\n'));
        tasks.forEach((task, index) => {
          expect(task.index).toBe(index + 1);
          expect(lines.join('\n').split('\n')[task.line - 1]).toMatch(/\[[ xX]\]/);
          expect(Array.isArray(task.tests)).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });
});

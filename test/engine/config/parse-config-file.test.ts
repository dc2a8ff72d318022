// The factory_config.md parser: KEY=value lines among Markdown, canonical values, and precise problems.
import { describe, expect, it } from 'vitest';
import { parseConfigText, decodeConfigBytes } from '../../../engine/config/parse-config-file.js';

describe('parseConfigText', () => {
  it('reads settings in bullets, backticks and quotes, and ignores prose and comments', () => {
    const text = ['# Title', 'Some prose with = sign.', '- `MAX_ROUNDS=7`', 'MODE = single  # pause never', 'TEST_CMD="npm test"', 'LEGO_MODE=no'].join('\n');
    const parsed = parseConfigText(text, 'factory_config.md');
    expect(parsed.problems).toEqual([]);
    expect(Object.fromEntries([...parsed.settings].map(([key, setting]) => [key, setting.value]))).toEqual({ MAX_ROUNDS: '7', MODE: 'Single', TEST_CMD: 'npm test', LEGO_MODE: 'false' });
    expect(parsed.settings.get('MODE')!.line).toBe(4);
  });

  it('reports a duplicate key with both lines', () => {
    const parsed = parseConfigText('MAX_ROUNDS=3\n\nMAX_ROUNDS=4\n', 'f.md');
    expect(parsed.problems).toEqual([{ file: 'f.md', line: 3, key: 'MAX_ROUNDS', message: 'MAX_ROUNDS is set twice (first on line 1); keep one' }]);
  });

  it('reports every bad value at once, each with what is allowed', () => {
    const parsed = parseConfigText('SANDBOX=vm\nTEST_TIMEOUT=-1\nOLLAMA_HOST=localhost\nMAX_COST_USD=lots\n', 'f.md');
    expect(parsed.problems.map((problem) => `${problem.line} ${problem.message}`)).toEqual([
      '1 SANDBOX=vm is not allowed: expected one of docker, local, auto',
      '2 TEST_TIMEOUT=-1 is not allowed: expected a whole number from 1 to 86400',
      '3 OLLAMA_HOST=localhost is not allowed: expected an http:// or https:// address',
      '4 MAX_COST_USD=lots is not allowed: expected a number of 0 or more, or empty for none',
    ]);
  });

  it('refuses bytes that are not UTF-8 and names the line', () => {
    const bytes = Buffer.concat([Buffer.from('MODE=Dual\nTEST_CMD='), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]);
    expect(decodeConfigBytes(bytes, 'f.md')).toEqual({ problem: { file: 'f.md', line: 2, message: 'is not valid UTF-8 text; save it as UTF-8' } });
  });
});

// The factory_config.md parser: KEY=value lines among Markdown, canonical values, and precise problems.
import { describe, expect, it } from 'vitest';
import { parseConfigText, decodeConfigBytes, maxProblems } from '../../../engine/config/parse-config-file.js';
import { formatProblem } from '../../../engine/config/config-error.js';

describe('parseConfigText', () => {
  it('reads settings in bullets, backticks and quotes, and ignores prose and comments', () => {
    const text = [
      '# Title',
      'Some prose with = sign.',
      '- `MAX_ROUNDS=7`',
      'MODE = single  # pause never',
      'TEST_CMD="npm test"',
      'LEGO_MODE=no',
    ].join('\n');
    const parsed = parseConfigText(text, 'factory_config.md');
    expect(parsed.problems).toEqual([]);
    expect(Object.fromEntries([...parsed.settings].map(([key, setting]) => [key, setting.value]))).toEqual({
      MAX_ROUNDS: '7',
      MODE: 'Single',
      TEST_CMD: 'npm test',
      LEGO_MODE: 'false',
    });
    expect(parsed.settings.get('MODE')!.line).toBe(4);
  });

  it('reports a duplicate key with both lines', () => {
    const parsed = parseConfigText('MAX_ROUNDS=3\n\nMAX_ROUNDS=4\n', 'f.md');
    expect(parsed.problems).toEqual([
      { file: 'f.md', line: 3, key: 'MAX_ROUNDS', message: 'MAX_ROUNDS is set twice (first on line 1); keep one' },
    ]);
  });

  it('reports every bad value at once, each with what is allowed', () => {
    const parsed = parseConfigText('SANDBOX=vm\nTEST_TIMEOUT=-1\nOLLAMA_HOST=localhost\nMAX_COST_USD=lots\n', 'f.md');
    expect(parsed.problems.map((problem) => `${problem.line} ${problem.message}`)).toEqual([
      '1 SANDBOX=vm is not allowed: expected one of docker, local, auto, none',
      '2 TEST_TIMEOUT=-1 is not allowed: expected a whole number from 1 to 86400',
      '3 OLLAMA_HOST=localhost is not allowed: expected an http:// or https:// address',
      '4 MAX_COST_USD=lots is not allowed: expected a number of 0 or more, or empty for none',
    ]);
  });

  it('refuses bytes that are not UTF-8 and names the line', () => {
    const bytes = Buffer.concat([Buffer.from('MODE=Dual\nTEST_CMD='), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]);
    expect(decodeConfigBytes(bytes, 'f.md')).toEqual({
      problem: { file: 'f.md', line: 2, message: 'is not valid UTF-8 text; save it as UTF-8' },
    });
  });
});

describe('parseConfigText: case, comments and size', () => {
  it('refuses a lower-case key that names a setting, suggesting the upper-case one; other lower-case lines are prose', () => {
    const parsed = parseConfigText('max_rounds=1\nMode=Single\nmax_round=2\nwidth=3 is prose\n', 'factory_config.md');
    expect(parsed.settings.size).toBe(0);
    expect(parsed.problems.map(formatProblem)).toEqual([
      'factory_config.md:1: unknown setting max_rounds: setting names are upper case: did you mean MAX_ROUNDS?',
      'factory_config.md:2: unknown setting Mode: setting names are upper case: did you mean MODE?',
      'factory_config.md:3: unknown setting max_round: setting names are upper case: did you mean MAX_ROUNDS?',
    ]);
  });

  it('starts a comment at " #" outside quotes only; quoted values keep their #', () => {
    const text = [
      "TEST_CMD=sh -c 'echo start #1; exit 0' # runs the tests",
      'TASKS="1 #2"',
      'MAX_ROUNDS=3 # three',
      "WORKER_MODEL=it's #not a quote",
      'SCRIPT=a#b.json',
    ].join('\n');
    const parsed = parseConfigText(text, 'f.md');
    expect(parsed.problems).toEqual([]);
    expect(Object.fromEntries([...parsed.settings].map(([key, setting]) => [key, setting.value]))).toEqual({
      TEST_CMD: "sh -c 'echo start #1; exit 0'",
      TASKS: '1 #2',
      MAX_ROUNDS: '3',
      WORKER_MODEL: "it's",
      SCRIPT: 'a#b.json',
    });
  });

  it('reports a 10 MB file of unknown keys in a few lines, without running out of stack', () => {
    const lines: string[] = [];
    for (let size = 0, index = 0; size < 10_000_000; index++) {
      lines.push(`UNKNOWN_KEY_${index}=1`);
      size += lines.at(-1)!.length + 1;
    }
    const parsed = parseConfigText(lines.join('\n'), 'f.md');
    expect(parsed.problems).toHaveLength(maxProblems + 1);
    expect(formatProblem(parsed.problems[0]!)).toMatch(
      /^f\.md:1: unknown setting UNKNOWN_KEY_0; known settings: SCOPE, /,
    );
    expect(formatProblem(parsed.problems.at(-1)!)).toBe(
      `f.md: … and ${lines.length - maxProblems} more problem(s) like these`,
    );
  });
});

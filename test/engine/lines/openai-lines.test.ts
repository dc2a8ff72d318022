// Production lines on the openai engine: three lines share one OpenAI-compatible (loopback) server through the call
// queue, at most OPENAI_PARALLEL calls in flight at once across them, the sharing said in model:lines.
import { afterEach, describe, expect, it } from 'vitest';
import { ofType } from '../../support/engine.js';
import { fileAt, mostAtOnce, suitePasses } from '../../support/lines-project.js';
import { startOpenaiServer, type OpenaiServer } from '../../support/openai-server.js';
import { makeProject } from '../../support/project.js';
import { requirePytest } from '../../support/python.js';
import { runEngine } from '../../support/run-engine.js';

const names = ['fa', 'fb', 'fc'] as const;
const fix = (name: string, value: number) =>
  `${name}.py\n\`\`\`python\n<<<<<<< SEARCH\n    return 0\n=======\n    return ${value}\n>>>>>>> REPLACE\n\`\`\`\n`;
const test = (name: string, expected: number) =>
  `from ${name} import ${name}\n\n\ndef test_${name}():\n    assert ${name}() == ${expected}\n`;

let server: OpenaiServer | undefined;
afterEach(async () => {
  await server?.close();
});

async function threeLinesOnOpenai(parallel: number) {
  // Each answer streams for about a second, so the lines' calls overlap unless the queue holds them back.
  server = await startOpenaiServer({
    models: ['local-coder'],
    answers: names.map(() => (body: Record<string, unknown>) => {
      const task = names.findIndex((_, at) => JSON.stringify(body.messages).includes(`# Task ${at + 1}:`));
      return `${fix(names[task]!, task + 1)}${' '.repeat(170)}`;
    }),
    chunkDelayMs: 100,
  });
  const dir = makeProject({
    config: {
      AI_ENGINE: 'openai',
      CODER_MODEL: 'local-coder',
      OPENAI_BASE_URL: server.url,
      OPENAI_PARALLEL: String(parallel),
      MAX_PARALLEL: '3',
      MODE: 'Single',
      MAX_ROUNDS: '3',
    },
    tasks: names.map((name) => `Make ${name} (tests: tests/test_${name}.py)`),
    files: {
      'tests/test_calc.py': 'def test_nothing():\n    assert True\n',
      ...Object.fromEntries(names.map((name) => [`${name}.py`, `def ${name}():\n    return 0\n`])),
      ...Object.fromEntries(names.map((name, at) => [`tests/test_${name}.py`, test(name, at + 1)])),
    },
  });
  const { result, events } = await runEngine(dir);
  return { server, dir, result, events };
}

describe.skipIf(requirePytest())('production lines on the openai engine', () => {
  it('three lines share the one server: at most OPENAI_PARALLEL=2 calls in flight at once, said in model:lines', async () => {
    const { server, dir, result, events } = await threeLinesOnOpenai(2);
    expect(result.outcome, result.reason).toBe('green');
    expect(mostAtOnce(events)).toBe(3);
    const decisions = ofType(events, 'model:lines');
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ model: 'local-coder', role: 'coder', lines: 3, atOnce: 2 });
    expect(decisions[0]?.why).toBe(`a queue, 2 calls at a time: OPENAI_PARALLEL=2 for the server at ${server.url}`);
    // The queue is what holds the third line back: the server saw two calls at once, never three.
    expect(server.requests).toHaveLength(3);
    expect(ofType(events, 'line:started')[0]?.engine).toContain('the one server, shared by the lines (OPENAI_PARALLEL');
    expect(server.mostChatsAtOnce()).toBe(2);
    for (const [at, name] of names.entries()) expect(fileAt(dir, `${name}.py`)).toContain(`return ${at + 1}`);
    expect(suitePasses(dir)).toBe(true);
  });

  it('lets all three calls go side by side when OPENAI_PARALLEL holds every line', async () => {
    const { server, result, events } = await threeLinesOnOpenai(3);
    expect(result.outcome, result.reason).toBe('green');
    expect(ofType(events, 'model:lines')[0]).toMatchObject({ lines: 3, atOnce: 3 });
    expect(server.mostChatsAtOnce()).toBe(3);
  });
});

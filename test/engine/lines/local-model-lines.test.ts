// Production lines on a local model: the one resident coder model on the (loopback) Ollama server serves both lines;
// the model manager says whether its budget takes their calls side by side or queues them, and the server sees that.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ofType } from '../../support/engine.js';
import { startOllamaServer } from '../../support/ollama-server.js';
import { makeProject } from '../../support/project.js';
import { requirePytest } from '../../support/python.js';
import { runEngine } from '../../support/run-engine.js';
import { fileAt, mostAtOnce, suitePasses } from '../../support/lines-project.js';

const closers: (() => Promise<void>)[] = [];
// The server's OLLAMA_NUM_PARALLEL, when factory's environment has one, would cap the width: these tests set none.
const serverParallel = process.env.OLLAMA_NUM_PARALLEL;
beforeAll(() => {
  delete process.env.OLLAMA_NUM_PARALLEL;
});
afterAll(() => {
  if (serverParallel !== undefined) process.env.OLLAMA_NUM_PARALLEL = serverParallel;
});
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

const fix = (name: string, value: number) =>
  `${name}.py\n\`\`\`python\n<<<<<<< SEARCH\n    return 0\n=======\n    return ${value}\n>>>>>>> REPLACE\n\`\`\`\n`;
const test = (name: string, expected: number) =>
  `from ${name} import ${name}\n\n\ndef test_${name}():\n    assert ${name}() == ${expected}\n`;

async function twoLinesOnOllama(budgetGb: number) {
  // Each answer streams for about a second, so two lines' calls overlap unless they are queued.
  const server = await startOllamaServer({
    models: [{ name: 'qwen2.5-coder:7b', size: 4_700_000_000 }],
    answers: [1, 2].map(
      () => (body: Record<string, unknown>) =>
        JSON.stringify(body.messages).includes('# Task 1:') ? fix('fa', 1) : fix('fb', 2),
    ),
    chunkSize: 10,
    chunkDelayMs: 100,
  });
  closers.push(server.close);
  const dir = makeProject({
    config: {
      AI_ENGINE: 'ollama',
      CODER_MODEL: 'qwen2.5-coder:7b',
      OLLAMA_HOST: server.url,
      VRAM_BUDGET_GB: String(budgetGb),
      MAX_PARALLEL: '2',
      MODE: 'Single',
      MAX_ROUNDS: '3',
    },
    tasks: ['Make fa (tests: tests/test_fa.py)', 'Make fb (tests: tests/test_fb.py)'],
    files: {
      'tests/test_calc.py': 'def test_nothing():\n    assert True\n',
      'fa.py': 'def fa():\n    return 0\n',
      'fb.py': 'def fb():\n    return 0\n',
      'tests/test_fa.py': test('fa', 1),
      'tests/test_fb.py': test('fb', 2),
    },
  });
  const { result, events } = await runEngine(dir);
  return { server, dir, result, events };
}

describe.skipIf(requirePytest())('production lines on a local model', () => {
  it('queues the lines’ calls one at a time when the budget holds one copy of the coder model', async () => {
    const { server, dir, result, events } = await twoLinesOnOllama(6);
    expect(result.outcome, result.reason).toBe('green');
    expect(mostAtOnce(events)).toBe(2);
    const [decision, ...more] = ofType(events, 'model:lines');
    expect(more).toEqual([]);
    expect(decision).toMatchObject({ model: 'qwen2.5-coder:7b', role: 'coder', lines: 2, atOnce: 1 });
    expect(decision?.why).toContain('a queue, one call at a time');
    expect(decision?.why).toContain('2 x 4.7 GB = 9.4 GB against 6.4 GB (VRAM_BUDGET_GB)');
    expect(server.mostChatsAtOnce()).toBe(1);
    expect(fileAt(dir, 'fa.py')).toContain('return 1');
    expect(fileAt(dir, 'fb.py')).toContain('return 2');
    expect(suitePasses(dir)).toBe(true);
  });

  it('lets the server take both lines’ calls side by side when the budget holds two copies', async () => {
    const { server, dir, result, events } = await twoLinesOnOllama(12);
    expect(result.outcome, result.reason).toBe('green');
    const decisions = ofType(events, 'model:lines');
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ lines: 2, atOnce: 2 });
    expect(decisions[0]?.why).toContain(
      "2 calls side by side (2 x 4.7 GB = 9.4 GB against 12.9 GB (VRAM_BUDGET_GB); up to the server's OLLAMA_NUM_PARALLEL)",
    );
    expect(server.mostChatsAtOnce()).toBe(2);
    expect(suitePasses(dir)).toBe(true);
  });
});

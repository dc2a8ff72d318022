// How lines share one resident local model: side by side while the budget holds a copy per line, else a queue as wide
// as the copies that fit (beside the other resident models), and never wider than the server's OLLAMA_NUM_PARALLEL.
import { describe, expect, it } from 'vitest';
import { lineSharing, type LineSharingInput } from '../../../engine/models/line-sharing.js';
import { callQueue } from '../../../engine/models/call-queue.js';

const sizes: Record<string, number> = { 'coder:7b': 4e9, 'judge:14b': 9e9 };
const input = (over: Partial<LineSharingInput>): LineSharingInput => ({
  model: 'coder:7b',
  role: 'coder',
  lines: 3,
  roles: new Map([['coder', 'coder:7b']]),
  sizeOf: (model) => sizes[model],
  memory: { bytes: 24e9, source: 'VRAM_BUDGET_GB' },
  serverParallel: 4,
  ...over,
});

describe('lines sharing a local model', () => {
  it('takes every line side by side when a copy per line fits', () => {
    expect(lineSharing(input({}))).toEqual({
      atOnce: 3,
      why: "3 calls side by side (3 x 4.0 GB = 12.0 GB against 24.0 GB (VRAM_BUDGET_GB); the server's OLLAMA_NUM_PARALLEL=4)",
    });
  });

  it('queues to the copies that fit beside the other resident models', () => {
    const supervised = new Map([
      ['coder', 'coder:7b'],
      ['supervisor', 'judge:14b'],
    ] as const);
    expect(lineSharing(input({ roles: supervised, memory: { bytes: 18e9, source: 'nvidia-smi' } }))).toEqual({
      atOnce: 2,
      why:
        "a queue, 2 calls at a time: the lines' calls do not fit side by side " +
        '(3 x 4.0 GB = 12.0 GB beside 9.0 GB of other resident models against 18.0 GB (nvidia-smi))',
    });
    expect(lineSharing(input({ memory: { bytes: 5e9, source: 'VRAM_BUDGET_GB' } })).atOnce).toBe(1);
  });

  it("holds to the server's OLLAMA_NUM_PARALLEL, and without a budget lets the server decide", () => {
    expect(lineSharing(input({ serverParallel: 1 })).why).toBe(
      "a queue, one call at a time: the lines' calls do not fit side by side (the server's OLLAMA_NUM_PARALLEL=1)",
    );
    expect(lineSharing(input({ memory: undefined, serverParallel: undefined }))).toEqual({
      atOnce: 3,
      why: "3 calls side by side (no memory budget known (VRAM_BUDGET_GB); up to the server's OLLAMA_NUM_PARALLEL)",
    });
  });

  it('a queue of one runs its calls one after the other, a wider one side by side', async () => {
    for (const width of [1, 2]) {
      const queue = callQueue(width);
      let now = 0;
      let most = 0;
      const call = () =>
        queue.run(async () => {
          most = Math.max(most, ++now);
          await new Promise((resolve) => setTimeout(resolve, 20));
          now--;
        });
      await Promise.all([call(), call(), call()]);
      expect(most).toBe(width);
    }
  });
});

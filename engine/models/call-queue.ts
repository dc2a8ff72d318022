// The calls a shared worker takes at once: a queue with `width` places (production lines on one local model whose
// budget holds fewer copies than there are lines). The width may change between calls (MAX_PARALLEL is live).
import type { Worker } from '../agents/agent.js';

export type CallQueue = { width: number; run<T>(call: () => Promise<T>): Promise<T> };

export function callQueue(width: number): CallQueue {
  let running = 0;
  const waiting: (() => void)[] = [];
  const queue: CallQueue = {
    width,
    async run(call) {
      while (running >= queue.width) await new Promise<void>((resolve) => waiting.push(resolve));
      running++;
      try {
        return await call();
      } finally {
        running--;
        waiting.shift()?.();
      }
    },
  };
  return queue;
}

/** The worker with each of its calls taken through the queue. */
export function queuedWorker(worker: Worker, queue: CallQueue): Worker {
  return {
    name: worker.name,
    ...(worker.takesTools !== undefined && { takesTools: worker.takesTools }),
    run: (request) => queue.run(() => worker.run(request)),
  };
}

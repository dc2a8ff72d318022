// MAX_PARALLEL counts the lines working (their rounds: worker calls, guard, tests), not the lines alive: a green line
// gives its slot back while it waits for the run branch and its merged tree is verified, so the next ready task's line
// starts its model call meanwhile. A line sent back by its merge takes a slot again before any new line does.

export type WorkerSlots = {
  /** Free slots now, for new lines: the lines sent back are served first (MAX_PARALLEL read now: live). */
  free(): number;
  /** A slot for a new line, counted at once (the scheduler saw it free). */
  take(): LineSlot;
  /** Resolves when a slot is given back (the scheduler may start a line). */
  freed(): Promise<void>;
};

/** A line's hold on a slot: given back for its merge, taken again if it comes back, given back when it ends. */
export type LineSlot = { release(): void; retake(): Promise<void> };

export function workerSlots(width: () => number): WorkerSlots {
  let held = 0;
  const waiting: (() => void)[] = [];
  let wake: (() => void) | undefined;
  const serve = (): void => {
    while (waiting.length > 0 && held < width()) {
      held++;
      waiting.shift()?.();
    }
  };
  const lineSlot = (): LineSlot => {
    let holding = true;
    return {
      release() {
        if (!holding) return;
        holding = false;
        held--;
        serve();
        wake?.();
      },
      retake() {
        if (holding) return Promise.resolve();
        return new Promise<void>((resolve) => {
          waiting.push(() => {
            holding = true;
            resolve();
          });
          serve();
        });
      },
    };
  };
  return {
    free() {
      serve();
      return Math.max(0, width() - held);
    },
    take() {
      held++;
      return lineSlot();
    },
    freed: () =>
      new Promise<void>((resolve) => {
        wake = () => {
          wake = undefined;
          resolve();
        };
      }),
  };
}

// Holds what the human asked for between safe points: pause requests, redirects, skip and stop; the loop polls it.
import type { EngineCommand } from '../commands.js';
import type { PauseKind, ValveName } from '../events.js';
import type { CapName } from '../loop/caps.js';

/** A pause the loop will take at its next safe point; `valve` or `cap` names what asked for it. */
export type PauseRequest = { kind: PauseKind; reason: string; valve?: ValveName; cap?: CapName };

export class RunControl {
  /** Aborts the step in progress (worker or tests) for skip and stop-now. */
  private step = new AbortController();
  private pauseRequest?: PauseRequest;
  private wake?: () => void;
  private resumed = false;
  readonly redirects: string[] = [];
  /** Checked settings waiting for the next round, KEY -> value. */
  readonly settings = new Map<string, string>();
  skipRequested = false;
  stopRequested = false;
  /** Set when the run cannot go on (its records cannot be written): it stops now and ends as an error. */
  failure?: string;

  get signal(): AbortSignal {
    return this.step.signal;
  }

  /** A fresh abort signal for the next step, unless the run is stopping. */
  nextStep(): AbortSignal {
    if (this.step.signal.aborted && !this.stopRequested) this.step = new AbortController();
    return this.step.signal;
  }

  apply(command: EngineCommand): void {
    switch (command.type) {
      case 'pause':
        this.requestPause({ kind: 'human', reason: 'paused from the keyboard' });
        return;
      case 'resume':
        this.resumed = true;
        this.pauseRequest = undefined;
        this.wake?.();
        return;
      case 'redirect':
        if (command.text.trim()) this.redirects.push(command.text.trim());
        return;
      case 'escalate':
        this.requestPause({
          kind: 'escalation',
          reason: command.reason ?? 'escalated by the human: the task needs a human',
        });
        return;
      case 'intervene':
        this.requestPause({ kind: 'intervention', reason: 'paused for hand edits: edit the files, then resume' });
        return;
      case 'skip':
        this.skipRequested = true;
        this.step.abort();
        this.wake?.();
        return;
      case 'set':
        this.settings.set(command.key, command.value);
        return;
      case 'stop':
        this.stopRequested = true;
        if (command.now) this.step.abort();
        this.wake?.();
        return;
    }
  }

  fail(message: string): void {
    this.failure ??= message;
    this.apply({ type: 'stop', now: true });
  }

  requestPause(request: PauseRequest): void {
    this.pauseRequest ??= request;
  }

  /** Takes the pending pause request, if any, so the loop can announce it and wait. */
  takePause(): PauseRequest | undefined {
    const request = this.pauseRequest;
    this.pauseRequest = undefined;
    this.resumed = false;
    return request;
  }

  /** Waits until resume, skip or stop. */
  async waitForResume(): Promise<void> {
    while (!this.resumed && !this.skipRequested && !this.stopRequested) {
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    this.wake = undefined;
  }

  takeSettings(): [string, string][] {
    const taken = [...this.settings];
    this.settings.clear();
    return taken;
  }

  /** Redirects are used once, in the next prompt. */
  takeRedirects(): string[] {
    return this.redirects.splice(0);
  }
}

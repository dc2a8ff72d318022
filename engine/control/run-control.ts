// Holds what the human asked for between safe points: pause requests, redirects, unlocks, settings, skip and stop.
// Commands come in through apply(); the loop takes what is waiting at its safe points. With production lines each
// line has its own control (openLine): pause, resume, stop and unlock reach every line, a command aimed at a task
// (redirect, escalate, intervene, skip) reaches that line only, and settings stay the run's.
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
  private readonly redirects: string[] = [];
  private readonly unlocks: string[] = [];
  /** Checked settings waiting for the next round, KEY -> value. */
  private readonly settings = new Map<string, string>();
  private skip = false;
  private stop = false;
  private failed?: string;
  private readonly lines = new Map<number, RunControl>();
  private parent?: RunControl;

  get signal(): AbortSignal {
    return this.step.signal;
  }

  get skipRequested(): boolean {
    return this.skip;
  }

  get stopRequested(): boolean {
    return this.stop || (this.parent?.stopRequested ?? false);
  }

  /** Set when the run cannot go on (its records cannot be written): it stops now and ends as an error. */
  get failure(): string | undefined {
    return this.parent?.failure ?? this.failed;
  }

  /** The control of a production line working `task`; a stop or a human pause already asked for holds there too. */
  openLine(task: number): RunControl {
    const line = new RunControl();
    line.parent = this;
    if (this.pauseRequest?.kind === 'human') line.requestPause(this.pauseRequest);
    this.lines.set(task, line);
    return line;
  }

  closeLine(task: number): void {
    this.lines.delete(task);
  }

  /** Where a command aimed at one task goes: its line, or the first line when it names none. */
  private target(task: number | undefined): RunControl | undefined {
    if (task === undefined) return this.lines.get(Math.min(...this.lines.keys()));
    return this.lines.get(task);
  }

  private everyLine(command: EngineCommand): void {
    for (const line of this.lines.values()) line.apply(command);
  }

  /** A fresh abort signal for the next step, unless the run is stopping. */
  nextStep(): AbortSignal {
    if (this.step.signal.aborted && !this.stop) this.step = new AbortController();
    return this.step.signal;
  }

  apply(command: EngineCommand): void {
    const aimed =
      command.type === 'redirect' ||
      command.type === 'escalate' ||
      command.type === 'intervene' ||
      command.type === 'skip';
    if (aimed && this.lines.size > 0) {
      const { task, ...forLine } = command;
      this.target(task)?.apply(forLine as EngineCommand);
      return;
    }
    if (command.type === 'pause' || command.type === 'resume' || command.type === 'stop' || command.type === 'unlock')
      this.everyLine(command);
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
        this.redirect(command.text);
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
        this.skip = true;
        this.step.abort();
        this.wake?.();
        return;
      case 'set':
        this.settings.set(command.key, command.value);
        return;
      case 'unlock':
        this.unlocks.push(command.path);
        return;
      case 'stop':
        this.stop = true;
        if (command.now) this.step.abort();
        this.wake?.();
        return;
    }
  }

  fail(message: string): void {
    if (this.parent) {
      this.parent.fail(message);
      return;
    }
    this.failed ??= message;
    this.apply({ type: 'stop', now: true });
  }

  /** Instructions for the next prompt, from the human or the supervisor; blank ones are dropped. */
  redirect(text: string): void {
    if (text.trim()) this.redirects.push(text.trim());
  }

  requestPause(request: PauseRequest): void {
    this.pauseRequest ??= request;
  }

  /** A new task starts: a skip asked for the last one is spent. */
  startTask(): void {
    this.skip = false;
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
    while (!this.resumed && !this.skip && !this.stop) {
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    this.wake = undefined;
  }

  /** A setting waiting for the next safe point, without taking it. */
  pendingSetting(key: string): string | undefined {
    return this.parent ? this.parent.pendingSetting(key) : this.settings.get(key);
  }

  takeSettings(): [string, string][] {
    if (this.parent) return this.parent.takeSettings();
    const taken = [...this.settings];
    this.settings.clear();
    return taken;
  }

  /** Redirects are used once, in the next prompt. */
  takeRedirects(): string[] {
    return this.redirects.splice(0);
  }

  /** Test files the human asked to unlock, taken by the guard at its next step. */
  takeUnlocks(): string[] {
    return this.unlocks.splice(0);
  }
}

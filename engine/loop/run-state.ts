// What the loop changes as the run goes on: where it is, what it spent, the live settings, the baseline and the lifted
// caps. Changed only through these methods, so following a run means reading the calls to them.
import type { CallUsage, RunSpend } from '../contract/usage.js';
import { toFactoryConfig, type FactoryConfig } from '../config/factory-config.js';
import type { ResumePoint } from '../run/resume-point.js';
import type { Baseline } from '../test-runner/judge-tests.js';
import { checkCaps, type CapTrip } from './caps.js';
import type { CapName } from '../contract/events.js';

export type Position = { task: number; round: number; runRound: number };

export class RunState {
  private live: FactoryConfig;
  private readonly at: Position;
  private readonly spent: RunSpend;
  private readonly startedAt: number;
  private readonly lifted: Set<CapName>;
  private recorded?: Baseline;

  /** A resumed run goes on with the interrupted one's round count, spend, start time and the caps lifted in it. */
  constructor(config: FactoryConfig, resume?: Pick<ResumePoint, 'runRound' | 'usage' | 'startedAt' | 'liftedCaps'>) {
    this.live = config;
    this.lifted = new Set(resume?.liftedCaps);
    this.at = { task: 0, round: 0, runRound: resume?.runRound ?? 0 };
    this.spent = { ...(resume?.usage ?? { costUsd: 0, tokens: 0 }) };
    this.startedAt = resume?.startedAt ?? Date.now();
  }

  /** The settings for what runs now: replaced (never edited) when a live setting changes at a safe point. */
  get config(): FactoryConfig {
    return this.live;
  }

  /** A copy: events and records keep the position they were made at. */
  get position(): Position {
    return { ...this.at };
  }

  get usage(): RunSpend {
    return { ...this.spent };
  }

  /** Per-test results before round 1 (undefined until recorded, or when every task was done). */
  get baseline(): Baseline | undefined {
    return this.recorded;
  }

  elapsedMs(now = Date.now()): number {
    return now - this.startedAt;
  }

  startTask(index: number): void {
    this.at.task = index;
    this.at.round = 0;
  }

  /** Round `round` of the current task, and the next of the whole run. */
  startRound(round: number): Position {
    this.at.round = round;
    this.at.runRound++;
    return this.position;
  }

  /** Counts one engine call's spend; returns the run's totals after it. */
  spend(reported: CallUsage): RunSpend {
    this.spent.costUsd += reported.costUsd ?? 0;
    this.spent.tokens += (reported.inputTokens ?? 0) + (reported.outputTokens ?? 0);
    return this.usage;
  }

  /** What a call may still spend, for engines that take a budget (claude's --max-budget-usd). */
  budgetLeft(): number | undefined {
    const max = this.live.maxCostUsd;
    return max === undefined ? undefined : Math.max(0, max - this.spent.costUsd);
  }

  recordBaseline(baseline: Baseline): void {
    this.recorded = baseline;
  }

  /** A live setting changed (`factory set`): it holds from now on. Returns the value it replaced. */
  applySetting(key: string, value: string): string {
    const previous = this.live.settings[key] ?? '';
    this.live = toFactoryConfig({ ...this.live.settings, [key]: value });
    return previous;
  }

  /** The human resumed past this cap: it no longer stops the run. */
  liftCap(cap: CapName): void {
    this.lifted.add(cap);
  }

  /** The cap a model call now would go past, if any. */
  capReached(now = Date.now()): CapTrip | undefined {
    return checkCaps(this.spent, this.elapsedMs(now), this.live, this.lifted);
  }
}

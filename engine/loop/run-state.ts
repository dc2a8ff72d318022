// What the loop changes as the run goes on: where it is, what it spent, the live settings, the baseline and the lifted
// caps. Changed only through these methods, so following a run means reading the calls to them. With production lines
// each line has its own view (forLine): its own position, the run's one spend, settings, clock and round count.
import type { Usage as CallUsage } from '../agents/agent.js';
import { toFactoryConfig, type FactoryConfig } from '../config/factory-config.js';
import type { ResumePoint } from '../run/resume-point.js';
import type { Baseline } from '../test-runner/judge-tests.js';
import { checkCaps, type CapName, type CapTrip, type Usage } from './caps.js';

export type Position = { task: number; round: number; runRound: number };

/** What every line of the run shares. */
type Shared = {
  live: FactoryConfig;
  spent: Usage;
  startedAt: number;
  lifted: Set<CapName>;
  runRound: number;
  recorded?: Baseline;
};

export class RunState {
  private shared: Shared;
  private readonly at: Position;
  /** A line sent back after its merge is judged against the run branch as last verified, not the baseline. */
  private against?: Baseline;

  /** A resumed run goes on with the interrupted one's round count, spend and start time. */
  constructor(config: FactoryConfig, resume?: Pick<ResumePoint, 'runRound' | 'usage' | 'startedAt'>) {
    this.shared = {
      live: config,
      spent: { ...(resume?.usage ?? { costUsd: 0, tokens: 0 }) },
      startedAt: resume?.startedAt ?? Date.now(),
      lifted: new Set(),
      runRound: resume?.runRound ?? 0,
    };
    this.at = { task: 0, round: 0, runRound: this.shared.runRound };
  }

  /** A production line's view: its own task and round, everything else the run's. */
  forLine(task: number): RunState {
    const line = new RunState(this.shared.live);
    line.shared = this.shared;
    line.at.task = task;
    line.at.runRound = this.shared.runRound;
    return line;
  }

  /** The settings for what runs now: replaced (never edited) when a live setting changes at a safe point. */
  get config(): FactoryConfig {
    return this.shared.live;
  }

  /** A copy: events and records keep the position they were made at. */
  get position(): Position {
    return { ...this.at };
  }

  get usage(): Usage {
    return { ...this.shared.spent };
  }

  /** Per-test results before round 1 (undefined until recorded, or when every task was done). */
  get baseline(): Baseline | undefined {
    return this.against ?? this.shared.recorded;
  }

  elapsedMs(now = Date.now()): number {
    return now - this.shared.startedAt;
  }

  startTask(index: number): void {
    this.at.task = index;
    this.at.round = 0;
  }

  /** Round `round` of the current task, and the next of the whole run. */
  startRound(round: number): Position {
    this.at.round = round;
    this.at.runRound = ++this.shared.runRound;
    return this.position;
  }

  /** Counts one engine call's spend; returns the run's totals after it. */
  spend(reported: CallUsage): Usage {
    this.shared.spent.costUsd += reported.costUsd ?? 0;
    this.shared.spent.tokens += (reported.inputTokens ?? 0) + (reported.outputTokens ?? 0);
    return this.usage;
  }

  /** What a call may still spend, for engines that take a budget (claude's --max-budget-usd). */
  budgetLeft(): number | undefined {
    const max = this.shared.live.maxCostUsd;
    return max === undefined ? undefined : Math.max(0, max - this.shared.spent.costUsd);
  }

  recordBaseline(baseline: Baseline): void {
    this.shared.recorded = baseline;
  }

  /** This line's rounds are judged against these results from now on (the merged run branch's). */
  judgeAgainst(baseline: Baseline): void {
    this.against = baseline;
  }

  /** A live setting changed (`factory set`): it holds from now on. Returns the value it replaced. */
  applySetting(key: string, value: string): string {
    const previous = this.shared.live.settings[key] ?? '';
    this.shared.live = toFactoryConfig({ ...this.shared.live.settings, [key]: value });
    return previous;
  }

  /** The human resumed past this cap: it no longer stops the run. */
  liftCap(cap: CapName): void {
    this.shared.lifted.add(cap);
  }

  /** The cap a model call now would go past, if any. */
  capReached(now = Date.now()): CapTrip | undefined {
    return checkCaps(this.shared.spent, this.elapsedMs(now), this.shared.live, this.shared.lifted);
  }
}

// A supervisor that asks an agent CLI (claude, gemini) for a decision; an unusable answer is asked again once, then
// counts as CONTINUE.
import fs from 'node:fs';
import type { ReviewRequest, Supervisor } from '../agent.js';
import { readDecision } from '../supervisor/decision.js';
import { supervisorPrompt } from '../supervisor/supervisor-prompt.js';
import type { CliEngine, CliOptions } from './cli-engine.js';
import { cliFailure } from './cli-failure.js';
import { containedCommand, makeScratchDir } from './contained-command.js';
import { runCli } from './run-cli.js';
import type { CallUsage } from '../../contract/usage.js';
import type { Verdict } from '../../contract/verdict.js';

export class CliSupervisor implements Supervisor {
  readonly name: string;

  constructor(
    private readonly engine: CliEngine,
    private readonly options: CliOptions,
  ) {
    this.name = engine.name;
  }

  async review(request: ReviewRequest): Promise<Verdict & CallUsage> {
    const usage: CallUsage = {};
    let problem: string | undefined;
    for (let attempt = 1; attempt <= 2; attempt++) {
      const answer = await this.ask(supervisorPrompt(request.report, problem), request);
      addUsage(usage, answer);
      if (request.signal.aborted)
        return { decision: 'CONTINUE', reason: 'supervisor stopped', instructions: '', ...usage };
      const read = answer.problem ? { problem: answer.problem } : readDecision(answer.text);
      if ('verdict' in read) return { ...read.verdict, ...usage };
      problem = read.problem;
    }
    return {
      decision: 'CONTINUE',
      reason: `supervisor answer unusable twice, continuing: ${problem}`,
      instructions: '',
      ...usage,
    };
  }

  private async ask(prompt: string, request: ReviewRequest): Promise<CallUsage & { text?: string; problem?: string }> {
    const lines: string[] = [];
    const scratchDir = makeScratchDir(this.engine);
    const call = { projectDir: request.projectDir, readOnly: true, lockedPaths: new Set<string>(), scratchDir };
    const exit = await runCli({
      ...containedCommand(
        this.engine,
        this.options,
        call,
        this.engine.supervisorArgs(prompt, request.model, scratchDir),
      ),
      cwd: request.projectDir,
      timeoutMs: this.options.timeoutMs,
      signal: request.signal,
      onLine: (line) => lines.push(line),
    }).finally(() => fs.rmSync(scratchDir, { recursive: true, force: true }));
    const answer = this.engine.readAnswer(lines.join('\n'), request.projectDir);
    for (const refused of answer.refused ?? [])
      request.onActivity?.({ kind: 'edit', path: refused.path, action: 'refused', reason: refused.reason });
    const outcome = {
      done: answer.garbage === undefined && (answer.text !== undefined || answer.error !== undefined),
      error: answer.error,
      garbage: answer.garbage,
    };
    return { ...answer, problem: cliFailure(this.engine, exit, outcome, this.options.timeoutMs, 'json') };
  }
}

/** Adds what an engine reported; a figure it never reports (gemini's cost) stays undefined rather than 0. */
function addUsage(total: CallUsage, more: CallUsage): void {
  for (const key of ['costUsd', 'inputTokens', 'outputTokens'] as const) {
    if (more[key] !== undefined) total[key] = (total[key] ?? 0) + more[key];
  }
}

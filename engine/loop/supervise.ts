// Step 6 of a round: the supervisor reads the round report and its decision steers the next round.
import { sayActivity } from '../agents/say-activity.js';
import { renderRoundReport } from '../reports/round-record.js';
import { errorMessage } from '../util/errors.js';
import type { RunDeps } from './run-deps.js';
import type { RunState } from './run-state.js';
import type { Verdict } from '../contract/verdict.js';
import type { CallSpend } from '../contract/usage.js';
import type { RoundRecord } from '../contract/round-record.js';

/** Returns true when the supervisor's engine should work the next round itself (INTERVENE). */
export async function supervise(
  ctx: Pick<RunDeps, 'supervisor' | 'supervisorWorker' | 'projectDir' | 'control' | 'say'>,
  state: Pick<RunState, 'capReached' | 'config' | 'spend'>,
  record: RoundRecord,
): Promise<boolean> {
  if (!ctx.supervisor) return false;
  // A reached cap costs no supervisor call: the loop stops or pauses for it before the next round.
  if (state.capReached()) return false;
  let verdict: Verdict;
  let spent: CallSpend | undefined;
  try {
    const answer = await ctx.supervisor.review({
      report: renderRoundReport(record),
      projectDir: ctx.projectDir,
      model: state.config.supervisorModel,
      signal: ctx.control.nextStep(),
      onActivity: (activity) => {
        if (activity.kind === 'edit') sayActivity(ctx.say, activity);
      },
    });
    verdict = { decision: answer.decision, reason: answer.reason, instructions: answer.instructions };
    const { costUsd, inputTokens, outputTokens } = answer;
    spent = { costUsd, inputTokens, outputTokens, usage: state.spend(answer) };
  } catch (error) {
    verdict = {
      decision: 'CONTINUE',
      reason: `supervisor failed, continuing: ${errorMessage(error)}`,
      instructions: '',
    };
  }
  ctx.say('verdict:issued', { verdict, by: 'supervisor', ...spent });
  if (verdict.decision === 'REDIRECT' && verdict.instructions.trim())
    ctx.control.redirect(`Supervisor: ${verdict.instructions.trim()}`);
  if (verdict.decision === 'ESCALATE')
    ctx.control.requestPause({ kind: 'escalation', reason: `the supervisor escalated: ${verdict.reason}` });
  return verdict.decision === 'INTERVENE' && ctx.supervisorWorker !== undefined;
}

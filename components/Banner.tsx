// The line under the status bar: why the run paused and what the keys do now, the run's end, or the last notice.
import { Text } from 'ink';
import { shownStatus, type DashboardState } from './dashboard-state.js';
import { useTheme } from './theme-context.js';

type Props = { readonly state: DashboardState; readonly width: number };

const pauseHelp: Record<string, string> = {
  human: 'p resume · r redirect (goes into the next prompt) · s skip task · q quit',
  valve: 'p resume past the valve (it resets) · r redirect first · s skip task · q quit',
  escalation: 'the task needs you: r redirect then p resume · i edit by hand · s skip task · q quit',
  intervention: 'edit the files now, then p resume from the edited tree · s skip task · q quit',
  cap: 'a run-wide cap was reached: raise it (factory set) then p resume · q quit',
};

/** What the banner says, derived from state. */
function bannerText(state: DashboardState): { text: string; tone: 'warning' | 'success' | 'failure' | 'dim' } {
  const { status } = state;
  if (state.detached && status.state !== 'finished')
    return { text: 'the engine went away (its process ended); q quits', tone: 'failure' };
  if (status.state === 'paused' && status.pause)
    return {
      text: `PAUSED (${status.pause.kind}): ${status.pause.reason} — ${pauseHelp[status.pause.kind] ?? 'p resume'}`,
      tone: 'warning',
    };
  if (state.notice) return { text: state.notice, tone: 'dim' };
  if (status.state === 'pausing') return { text: 'pausing: the current step finishes first', tone: 'warning' };
  if (status.state === 'stopping') return { text: 'stopping after the current step', tone: 'warning' };
  if (status.state === 'finished' && status.outcome) {
    return {
      text:
        `run finished: ${status.outcome.outcome} — ${status.outcome.reason} ` +
        `(${status.tasksGreen}/${status.tasksTotal} tasks green); q quits`,
      tone: status.outcome.outcome === 'green' ? 'success' : 'failure',
    };
  }
  if (status.state === 'idle') return { text: 'waiting for the run to start…', tone: 'dim' };
  // With lines, the task of the line on screen.
  const shown = shownStatus(state);
  return { text: `task ${shown.task}: ${shown.taskTitle}`, tone: 'dim' };
}

export default function Banner({ state, width }: Props) {
  const theme = useTheme();
  const { text, tone } = bannerText(state);
  const colour = { warning: theme.warning, success: theme.success, failure: theme.failure, dim: theme.dim }[tone];
  return (
    <Text
      color={colour}
      bold={tone !== 'dim'}
      inverse={theme.inverseEmphasis && tone === 'warning'}
      wrap="truncate-end"
    >
      {text.slice(0, Math.max(0, width * 2))}
    </Text>
  );
}

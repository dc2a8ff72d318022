// Which events go into the Supervisor pane's history, and how each one reads there (the baseline is the Tests pane's).
import type { FactoryEvent, FactoryEventOf } from '../engine/contract/events.js';
import type { Verdict } from '../engine/contract/verdict.js';

export type SupervisorEntry = { ts: string; who: 'supervisor' | 'human'; label: string; text: string };

/** The history entry an event makes, or undefined for events the pane does not show. */
export function supervisorEntry(event: FactoryEvent): SupervisorEntry | undefined {
  const { ts } = event;
  switch (event.type) {
    case 'verdict:issued':
      return { ts, who: event.by, label: event.verdict.decision, text: verdictText(event.verdict) };
    case 'human:action':
      return { ts, who: 'human', label: event.action, text: event.text ?? '' };
    case 'valve:tripped':
      return { ts, who: 'supervisor', label: 'VALVE', text: `${event.reason}: ${event.evidence}` };
    case 'cap:reached':
      return { ts, who: 'supervisor', label: 'CAP', text: `${event.reason}: ${event.evidence}` };
    case 'task:refactor':
      return {
        ts,
        who: 'supervisor',
        label: 'REFACTOR',
        text: `task ${event.task}: ${event.reason}; green after a round that changes the code and keeps its tests passing`,
      };
    case 'engine:paused':
      return { ts, who: 'supervisor', label: 'PAUSED', text: `${event.kind}: ${event.reason}` };
    case 'config:changed':
      return {
        ts,
        who: 'human',
        label: 'SET',
        text: `${event.key}=${event.value || '(empty)'} (was ${event.previous || '(empty)'}), from the next round`,
      };
    case 'config:rejected':
      return { ts, who: 'human', label: 'REFUSED', text: `${event.key}=${event.value}: ${event.message}` };
    case 'line:started':
      return {
        ts,
        who: 'supervisor',
        label: 'LINE',
        text: `task ${event.task} runs on ${event.branch}, its own worktree`,
      };
    case 'line:merging':
      return {
        ts,
        who: 'supervisor',
        label: 'MERGE',
        text: `${event.branch} into ${event.into}; the whole suite runs on the merged tree`,
      };
    case 'line:merged':
      return { ts, who: 'supervisor', label: 'MERGED', text: `task ${event.task} green on the run branch` };
    case 'line:returned':
      return { ts, who: 'supervisor', label: 'RETURNED', text: returnedText(event) };
    case 'line:closed':
      return { ts, who: 'supervisor', label: 'CLOSED', text: `task ${event.task} ${event.outcome}: ${event.reason}` };
    default:
      return undefined;
  }
}

function returnedText(event: FactoryEventOf<'line:returned'>): string {
  const what = event.reason === 'conflict' ? event.files : event.tests;
  return `${event.reason}${what.length > 0 ? ` (${what.join(', ')})` : ''}: ${event.detail}`;
}

function verdictText(verdict: Verdict): string {
  return [verdict.reason, verdict.instructions].filter((part) => part.trim()).join(' → ');
}

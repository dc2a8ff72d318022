// An agent's activity as the events every consumer shows: its text, its tool calls and its edits.
import type { Say } from '../contract/events.js';
import type { AgentActivity } from '../contract/agent-activity.js';

export function sayActivity(say: Say, activity: AgentActivity): void {
  if (activity.kind === 'text') say('agent:chunk', { text: activity.text });
  else if (activity.kind === 'tool') say('agent:tool', { name: activity.name, detail: activity.detail });
  else {
    const { path, action, reason, engine, role } = activity;
    say('agent:edit', { path, action, reason, engine, role });
  }
}

// What an agent does while it runs, streamed to the loop as it happens (and said as agent:chunk, agent:tool and
// agent:edit events).
import type { Role } from './roles.js';

export type AgentActivity =
  | { kind: 'text'; text: string }
  | { kind: 'tool'; name: string; detail: string }
  | {
      kind: 'edit';
      path: string;
      action: 'write' | 'delete' | 'refused';
      reason?: string;
      engine?: string;
      role?: Role;
    };

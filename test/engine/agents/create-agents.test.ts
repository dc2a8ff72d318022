// Engine names in the config pick the worker, the supervisor and the supervisor's intervening worker.
import { describe, expect, it } from 'vitest';
import { createAgents } from '../../../engine/agents/create-agents.js';
import { calcProject } from '../../support/calc-project.js';

const settings = (values: Record<string, string>) => calcProject(values).config;

describe('createAgents', () => {
  it('pairs any of claude and gemini as worker and supervisor', () => {
    const agents = createAgents('/tmp', settings({ AI_ENGINE: 'claude', SUPERVISOR: 'gemini' }));
    expect([agents.worker.name, agents.supervisor?.name, agents.supervisorWorker?.name]).toEqual([
      'claude',
      'gemini',
      'gemini',
    ]);
    const reversed = createAgents('/tmp', settings({ AI_ENGINE: 'gemini', SUPERVISOR: 'claude' }));
    expect([reversed.worker.name, reversed.supervisor?.name, reversed.supervisorWorker?.name]).toEqual([
      'gemini',
      'claude',
      'claude',
    ]);
  });

  it('has no supervisor with SUPERVISOR=none', () => {
    const agents = createAgents('/tmp', settings({ AI_ENGINE: 'claude', SUPERVISOR: 'none' }));
    expect(agents.worker.name).toBe('claude');
    expect([agents.supervisor, agents.supervisorWorker, agents.models]).toEqual([undefined, undefined, undefined]);
    expect([agents.architect, agents.reviewer].every((role) => role !== undefined)).toBe(true);
  });
});

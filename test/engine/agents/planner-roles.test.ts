// The architect and reviewer roles: the scripted architect's answers, any worker as architect, the reviewer's script and shell calls.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkerRequest } from '../../../engine/agents/agent.js';
import { scriptSchema } from '../../../engine/agents/scripted/script-schema.js';
import { ScriptedArchitect } from '../../../engine/agents/scripted/scripted-architect.js';
import { ScriptedWorker } from '../../../engine/agents/scripted/scripted-worker.js';
import { WorkerArchitect } from '../../../engine/agents/worker-architect.js';
import type { AgentActivity } from '../../../engine/contract/agent-activity.js';

const planRequest = (activities: AgentActivity[]) => ({
  prompt: 'plan',
  projectDir: os.tmpdir(),
  model: '',
  signal: new AbortController().signal,
  onActivity: (activity: AgentActivity) => activities.push(activity),
});

describe('architect and reviewer roles', () => {
  it('the scripted architect answers with its entries in order, objects as JSON, then nothing', async () => {
    const architect = new ScriptedArchitect(scriptSchema.parse({ architect: ['not json', { summary: 's' }] }));
    const activities: AgentActivity[] = [];
    expect((await architect.plan(planRequest(activities))).text).toBe('not json');
    expect(JSON.parse((await architect.plan(planRequest(activities))).text)).toEqual({ summary: 's' });
    expect((await architect.plan(planRequest(activities))).text).toBe('');
    expect(activities.at(-1)).toEqual({ kind: 'text', text: '(script exhausted: no plan)' });
  });

  it('any worker plays the architect: its streamed text is the answer, its usage is passed on', async () => {
    // The script's reviewer list replays in call order, whatever the round, like any engine answering a prompt.
    const worker = new ScriptedWorker(
      scriptSchema.parse({
        reviewer: [{ say: ['```json', '{"summary": "x"}', '```'], costUsd: 0.25 }, { fail: 'model overloaded' }],
      }),
      'reviewer',
    );
    const architect = new WorkerArchitect(worker);
    const answer = await architect.plan(planRequest([]));
    expect(answer).toEqual({
      text: '```json\n{"summary": "x"}\n```',
      costUsd: 0.25,
      inputTokens: undefined,
      outputTokens: undefined,
    });
    await expect(architect.plan(planRequest([]))).rejects.toThrow('the architect (scripted) failed: model overloaded');
  });

  it("the reviewer replays the script's reviewer calls; shell calls run in the project and bypass the edit checks", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-roles-'));
    const script = scriptSchema.parse({
      worker: [{ write: { 'coder.txt': 'x' } }],
      reviewer: [{ write: { 'tests/test_a.py': 'a' }, run: ['cp tests/test_a.py tests/locked.py', 'echo done'] }],
    });
    const activities: AgentActivity[] = [];
    const request: WorkerRequest = {
      prompt: '',
      projectDir: dir,
      task: { index: 1, line: 1, title: 't', done: false, tests: [] },
      round: 0,
      runRound: 0,
      model: '',
      lockedPaths: new Set(['tests/locked.py']),
      signal: new AbortController().signal,
      onActivity: (activity) => activities.push(activity),
    };
    expect(await new ScriptedWorker(script, 'reviewer').run(request)).toMatchObject({ ok: true });
    expect(fs.readdirSync(path.join(dir, 'tests')).sort()).toEqual(['locked.py', 'test_a.py']);
    expect(fs.existsSync(path.join(dir, 'coder.txt'))).toBe(false);
    expect(activities).toEqual([
      { kind: 'edit', path: 'tests/test_a.py', action: 'write' },
      { kind: 'tool', name: 'shell', detail: 'cp tests/test_a.py tests/locked.py' },
      { kind: 'tool', name: 'shell', detail: 'echo done' },
      { kind: 'text', text: 'done' },
    ]);
  });
});

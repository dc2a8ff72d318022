// Commands from the human reach the running loop at its safe points: pause/resume, redirect, skip, stop.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineFor, nextEvent } from '../../support/engine.js';
import { git, makeProject, rightAdd, wrongAdd } from '../../support/project.js';
import { requirePytest } from '../../support/python.js';

const slowWrong = { say: ['working', 'still working'], delayMs: 300, write: { 'calc.py': wrongAdd } };

describe.skipIf(requirePytest())('commands', () => {
  it('pause lets the round finish, then waits; redirect text reaches the next prompt', async () => {
    const dir = makeProject({ script: { worker: [slowWrong, { write: { 'calc.py': rightAdd } }] } });
    const { engine, events } = engineFor(dir);
    const firstChunk = nextEvent(engine, (event) => event.type === 'agent:chunk');
    const paused = nextEvent(engine, (event) => event.type === 'engine:paused');
    const running = engine.run();
    await firstChunk;
    engine.send({ type: 'pause' });
    expect(engine.snapshot().state).toBe('pausing');
    await paused;
    // The round that was running when pause was asked finished and was committed first.
    expect(events.filter((event) => event.type === 'round:finished')).toHaveLength(1);
    engine.send({ type: 'redirect', text: 'use the + operator' });
    engine.send({ type: 'resume' });
    expect(await running).toMatchObject({ outcome: 'green' });
    const prompt2 = fs.readFileSync(path.join(dir, '.factory/prompts/round_2.md'), 'utf8');
    expect(prompt2).toContain('## Instructions for this round\n- use the + operator');
    expect(fs.readFileSync(path.join(dir, '.factory/history.md'), 'utf8')).toContain(
      'human: redirect — use the + operator',
    );
  });

  it('skip abandons the current task and goes on with the next', async () => {
    const dir = makeProject({
      tasks: ['Subtract (tests: tests/test_calc.py)', 'Add (tests: tests/test_calc.py)'],
      script: { worker: [{ ...slowWrong, delayMs: 2000 }, { write: { 'calc.py': rightAdd } }] },
    });
    const { engine, events } = engineFor(dir);
    const chunk = nextEvent(engine, (event) => event.type === 'agent:chunk');
    const running = engine.run();
    await chunk;
    engine.send({ type: 'skip' });
    const result = await running;
    const finished = events
      .filter((event) => event.type === 'task:finished')
      .map((event) => event.type === 'task:finished' && event.outcome);
    expect(finished).toEqual(['skipped', 'green']);
    expect(result).toMatchObject({ outcome: 'failed', exitCode: 5 });
    expect(fs.readFileSync(path.join(dir, 'RFP/tasks.md'), 'utf8')).toMatch(/- \[ \] Subtract[\s\S]*- \[x\] Add/);
  });

  it('stop now aborts the worker, commits the interrupted round and ends with exit 4', async () => {
    const dir = makeProject({
      script: { worker: [{ say: ['a', 'b', 'c', 'd'], delayMs: 1000, write: { 'calc.py': wrongAdd } }] },
    });
    const { engine } = engineFor(dir);
    const chunk = nextEvent(engine, (event) => event.type === 'agent:chunk');
    const running = engine.run();
    await chunk;
    engine.send({ type: 'stop', now: true });
    expect(await running).toMatchObject({ outcome: 'stopped', exitCode: 4 });
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});

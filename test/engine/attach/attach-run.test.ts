// The client API against a real `factory run`: read the run's events, pause it, redirect it, resume it; the redirect lands in the next prompt.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { waitForRun } from '../../../engine/attach/attach-client.js';
import type { FactoryEvent } from '../../../engine/contract/events.js';
import { prepareDemoProject } from '../../../source/commands/demo.js';
import { requirePytest } from '../../support/python.js';

const factoryBin = path.resolve(import.meta.dirname, '../../../bin/factory.js');
const skip = requirePytest();
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-attach-run-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe.skipIf(skip)(`attach to factory run${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('steers a headless run from a client', async () => {
    const project = prepareDemoProject(path.join(root, 'project'));
    const run = execa('node', [factoryBin, 'run', '--dir', project], {
      reject: false,
      env: { FACTORY_HOME: path.join(root, 'home') },
    });
    const client = await waitForRun(project, () => run.nodeChildProcess.exitCode === null);
    expect(client, 'the run never opened its socket').toBeDefined();
    const events: FactoryEvent[] = [];
    client!.on((event) => events.push(event));
    const seen = (type: FactoryEvent['type']) =>
      vi.waitFor(() => expect(events.map((event) => event.type)).toContain(type), { timeout: 60_000, interval: 100 });
    await seen('round:started');
    expect(events[0]?.type).toBe('run:started');
    client!.send({ type: 'pause' });
    await seen('engine:paused');
    client!.send({ type: 'redirect', text: 'name the helper _scale' });
    client!.send({ type: 'resume' });
    await seen('run:finished');
    await client!.closed;
    expect((await run).exitCode).toBe(0);
    const next = events
      .slice(events.findIndex((event) => event.type === 'engine:paused'))
      .find((event) => event.type === 'prompt:built');
    expect(next && 'prompt' in next ? next.prompt : '').toContain('- name the helper _scale');
    const prompts = path.join(project, '.factory', 'prompts');
    expect(
      fs
        .readdirSync(prompts)
        .some((name) => fs.readFileSync(path.join(prompts, name), 'utf8').includes('- name the helper _scale')),
    ).toBe(true);
    expect(
      events.filter((event) => event.type === 'human:action').map((event) => 'action' in event && event.action),
    ).toEqual(['pause', 'redirect', 'resume']);
  });
});

// The limits form against a real engine over the real attach channel: a value set from the dashboard changes when the run stops.
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attachToRun } from '../../engine/attach/attach-client.js';
import { serveAttach } from '../../engine/attach/attach-server.js';
import { stripVTControlCharacters as stripAnsi } from 'node:util';
import { engineFor, ofType } from '../support/engine.js';
import { keys } from '../support/fake-terminal.js';
import { enterValue } from '../support/limits-form.js';
import { press } from '../support/press-key.js';
import { makeProject } from '../support/project.js';
import { requirePytest } from '../support/python.js';
import { renderDashboard } from '../support/render-dashboard.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const skip = requirePytest();

describe.skipIf(skip)(`limits form on a real run${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('MAX_ROUNDS=2 typed in the form while paused makes a 20-round run stop after round 2', async () => {
    const wrong = { write: { 'calc.py': 'def add(a, b):\n    # attempt {{round}}\n    return a - b\n' }, delayMs: 300 };
    const dir = makeProject({
      config: { MODE: 'Single', MAX_ROUNDS: '20', MAX_FAIL_STREAK: '20', MAX_SAME_FAILURE: '20' },
      script: { worker: [wrong], afterLast: 'repeat' },
    });
    const { engine, events } = engineFor(dir);
    const server = await serveAttach(engine, path.resolve(dir));
    cleanups.push(() => server.close());
    const running = engine.run();
    const client = await vi.waitFor(
      async () => (await attachToRun(dir)) ?? Promise.reject(new Error('no run to attach to yet')),
      { timeout: 10_000 },
    );
    cleanups.push(() => client.close());
    const view = renderDashboard({ columns: 120, rows: 30, source: client });
    cleanups.push(() => view.app.unmount());
    const plain = (): string => stripAnsi(view.frame());
    const shows = (text: string) =>
      vi.waitFor(() => expect(plain()).toContain(text), { timeout: 30_000, interval: 50 });

    await shows('round 1/20');
    await press(view, 'p');
    await shows('PAUSED (human)');
    await press(view, 'L');
    await vi.waitFor(() => expect(plain()).toMatch(/MAX_ROUNDS\s+20/));
    await enterValue(view, 'MAX_ROUNDS', '2');
    await press(view, keys.enter);
    await shows('MAX_ROUNDS=2 sent: it applies from the next round');
    await press(view, keys.escape);
    await vi.waitFor(() => expect(plain()).not.toContain('Limits ·'));
    // A paused run takes changed settings in when it resumes.
    await press(view, 'p');
    expect(await running).toMatchObject({ outcome: 'valve' });
    expect(ofType(events, 'config:changed')).toEqual([
      expect.objectContaining({ key: 'MAX_ROUNDS', value: '2', previous: '20' }),
    ]);
    expect(ofType(events, 'round:started').map((event) => event.round)).toEqual([1, 2]);
    expect(ofType(events, 'valve:tripped').map((event) => event.valve)).toEqual(['max_rounds']);
    await shows('you SET: MAX_ROUNDS=2 (was 20)');
  }, 90_000);
});

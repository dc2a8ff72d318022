// The attach channel over a real unix socket: history then live events to every client, commands back, stale and long paths.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineCommand } from '../../../engine/contract/commands.js';
import { attachToRun, type AttachClient } from '../../../engine/attach/attach-client.js';
import { serveAttach, type AttachServer, type Steerable } from '../../../engine/attach/attach-server.js';
import { EventHistory, historyLimits } from '../../../engine/attach/event-history.js';
import { readAttachInfo, socketPathFor } from '../../../engine/attach/socket-path.js';
import { Emitter } from '../../../engine/control/emitter.js';
import type { FactoryEvent } from '../../../engine/contract/events.js';
import { UserError } from '../../../engine/util/errors.js';
import { event, runStart } from '../../support/factory-events.js';

class StandInEngine implements Steerable {
  readonly emitter = new Emitter();
  readonly received: EngineCommand[] = [];
  on = this.emitter.on.bind(this.emitter);
  send = (command: EngineCommand): void => void this.received.push(command);
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempProject(prefix = 'factory-attach-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function serve(dir: string, engine: Steerable, warn?: (line: string) => void): Promise<AttachServer> {
  const server = await serveAttach(engine, dir, warn);
  cleanups.push(() => server.close());
  return server;
}

async function attach(dir: string): Promise<{ client: AttachClient; events: FactoryEvent[] }> {
  const client = await attachToRun(dir);
  if (!client) throw new Error('no run answered');
  cleanups.push(() => client.close());
  const events: FactoryEvent[] = [];
  client.on((item) => events.push(item));
  return { client, events };
}

describe('attach channel', () => {
  it('sends each client the history, then live events; commands from any client reach the engine', async () => {
    const dir = tempProject();
    const engine = new StandInEngine();
    const server = await serve(dir, engine);
    const early = runStart();
    for (const item of early) engine.emitter.emit(item);
    const first = await attach(dir);
    const second = await attach(dir);
    await vi.waitFor(() => expect(second.events).toHaveLength(early.length));
    expect(first.events).toEqual(early);
    expect(server.clients()).toBe(2);
    const live = event('agent:chunk', { text: 'héllo wörld ✓' });
    engine.emitter.emit(live);
    await vi.waitFor(() => expect(first.events.at(-1)).toEqual(live));
    await vi.waitFor(() => expect(second.events.at(-1)).toEqual(live));
    first.client.send({ type: 'pause' });
    second.client.send({ type: 'redirect', text: 'use pathlib' });
    await vi.waitFor(() =>
      expect(engine.received).toEqual([{ type: 'pause' }, { type: 'redirect', text: 'use pathlib' }]),
    );
  });

  it('refuses command lines that are not commands, and says so', async () => {
    const dir = tempProject();
    const engine = new StandInEngine();
    const warnings: string[] = [];
    await serve(dir, engine, (line) => warnings.push(line));
    const raw = net.connect(socketPathFor(dir));
    cleanups.push(() => void raw.destroy());
    await new Promise((resolve) => raw.once('connect', resolve));
    raw.write('not json\n{"type":"rm -rf"}\n{"type":"redirect","text":""}\n{"type":"skip"}\n');
    await vi.waitFor(() => expect(engine.received).toEqual([{ type: 'skip' }]));
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toContain('not a JSON line');
  });

  it('refuses a second engine in the same folder but replaces a socket left by a dead one', async () => {
    const dir = tempProject();
    await serve(dir, new StandInEngine());
    await expect(serveAttach(new StandInEngine(), dir)).rejects.toThrow(UserError);
    await expect(serveAttach(new StandInEngine(), dir)).rejects.toThrow(
      new RegExp(
        `^a factory run is already going in this folder \\(pid ${process.pid}, started .*\\): attach to it with \`factory tui\``,
      ),
    );
    const stale = tempProject();
    fs.mkdirSync(path.join(stale, '.factory'));
    fs.writeFileSync(socketPathFor(stale), 'left over');
    await serve(stale, new StandInEngine());
    expect((await attach(stale)).client).toBeDefined();
  });

  it('uses a short socket path when the folder is too deep, recorded in .factory/attach.json', async () => {
    const deep = path.join(tempProject(), 'a-rather-long-folder-name-to-push-the-path'.repeat(2), 'and-deeper-still');
    fs.mkdirSync(deep, { recursive: true });
    const server = await serve(deep, new StandInEngine());
    expect(server.socket.startsWith(os.tmpdir())).toBe(true);
    expect(Buffer.byteLength(server.socket)).toBeLessThan(104);
    expect(readAttachInfo(deep)).toMatchObject({ socket: server.socket, pid: process.pid });
    expect((await attach(deep)).client).toBeDefined();
  });

  it('tells clients when the engine closes, and leaves no record behind', async () => {
    const dir = tempProject();
    const server = await serveAttach(new StandInEngine(), dir);
    const { client } = await attach(dir);
    await server.close();
    await client.closed;
    expect(readAttachInfo(dir)).toBeUndefined();
    expect(await attachToRun(dir)).toBeUndefined();
  });
});

describe('event history', () => {
  it('keeps every event but only the newest streamed lines', () => {
    const history = new EventHistory({ ...historyLimits, streamedChars: 70 });
    const start = runStart();
    for (const item of start) history.add(item);
    for (let n = 0; n < 100; n++) history.add(event('agent:chunk', { text: `line ${n}` }));
    history.add(event('tests:started', { command: 'pytest', baseline: false }));
    const kept = history.all();
    expect(kept.slice(0, start.length)).toEqual(start);
    const chunks = kept.filter((item) => item.type === 'agent:chunk');
    expect(chunks.length).toBeLessThanOrEqual(20);
    expect(chunks.at(-1)).toMatchObject({ text: 'line 99' });
    expect(kept.at(-1)?.type).toBe('tests:started');
  });

  it("keeps each open production line's newest rounds, whatever the other lines played since", () => {
    const history = new EventHistory(historyLimits);
    for (const item of runStart()) history.add(item);
    const line = (task: number) =>
      event('line:started', { title: `t${task}`, branch: `b${task}`, worktree: `/w/${task}`, base: 'x' }, { task });
    const say = (task: number, round: number) => event('agent:chunk', { text: `${task}.${round}` }, { task, round });
    history.add(line(1));
    history.add(line(2));
    history.add(say(1, 1));
    for (let round = 1; round <= 6; round++) history.add(say(2, round));
    const said = () =>
      history
        .all()
        .filter((item) => item.type === 'agent:chunk')
        .map((item) => (item as { text: string }).text);
    // Line 1's only round stays though line 2 played six since; line 2 keeps its newest two.
    expect(said()).toEqual(['1.1', '2.5', '2.6']);
    history.add(event('line:closed', { outcome: 'green', reason: 'merged' }, { task: 1 }));
    history.add(say(2, 7));
    history.add(say(2, 8));
    expect(said()).toEqual(['2.7', '2.8']);
  });
});

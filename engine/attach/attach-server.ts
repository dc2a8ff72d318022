// Serves a running engine on a local socket: each dashboard gets the event history then live events (NDJSON) and may
// send commands.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { EngineCommand } from '../contract/commands.js';
import type { Listener } from '../contract/events.js';
import { UserError } from '../util/errors.js';
import { parseCommandLine } from './command-line.js';
import { EventHistory } from './event-history.js';
import { ndjsonLines } from './ndjson-lines.js';
import { attachInfoFile, readAttachInfo, socketPathFor, type AttachInfo } from './socket-path.js';

/** What the server needs of an engine: its events and its commands. */
export type Steerable = { on(listener: Listener): () => void; send(command: EngineCommand): void };

export type AttachServer = { socket: string; clients(): number; close(): Promise<void> };

/** A dashboard that cannot keep up (8 MB unread) is dropped; it can attach again and gets the history. */
const maxBacklog = 8 * 1024 * 1024;

export async function serveAttach(
  engine: Steerable,
  projectDir: string,
  warn: (line: string) => void = () => undefined,
): Promise<AttachServer> {
  const socket = socketPathFor(projectDir);
  fs.mkdirSync(path.dirname(attachInfoFile(projectDir)), { recursive: true });
  await clearStaleSocket(socket, projectDir);
  const history = new EventHistory();
  const clients = new Set<net.Socket>();
  const unsubscribe = engine.on((event) => {
    history.add(event);
    const line = `${JSON.stringify(event)}\n`;
    for (const client of clients) send(client, line);
  });
  const send = (client: net.Socket, data: string): void => {
    if (client.writableLength > maxBacklog) return void client.destroy();
    // A burst of events (a fast worker streams thousands of lines a second) goes out in one write per tick.
    if (!client.writableCorked) {
      client.cork();
      process.nextTick(() => client.uncork());
    }
    client.write(data);
  };

  const server = net.createServer((client) => {
    client.setEncoding('utf8');
    clients.add(client);
    client.on('close', () => clients.delete(client));
    client.on('error', () => clients.delete(client));
    const replay = history
      .all()
      .map((event) => JSON.stringify(event))
      .join('\n');
    if (replay) send(client, `${replay}\n`);
    client.on(
      'data',
      ndjsonLines((line) => {
        const parsed = parseCommandLine(line);
        if (parsed.ok) engine.send(parsed.command);
        else warn(`a dashboard sent a command the engine does not know (${parsed.error}): ${line.slice(0, 200)}`);
      }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, () => resolve());
  });
  fs.chmodSync(socket, 0o600);
  const info: AttachInfo = { socket, pid: process.pid, startedAt: new Date().toISOString() };
  fs.writeFileSync(attachInfoFile(projectDir), `${JSON.stringify(info)}\n`);

  return {
    socket,
    clients: () => clients.size,
    close: async () => {
      unsubscribe();
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(attachInfoFile(projectDir), { force: true });
    },
  };
}

/** A socket file left by a crashed engine is removed; one that answers means a run is going here. */
async function clearStaleSocket(socket: string, projectDir: string): Promise<void> {
  if (!fs.existsSync(socket)) return;
  const answers = await new Promise<boolean>((resolve) => {
    const probe = net.connect(socket, () => {
      probe.destroy();
      resolve(true);
    });
    probe.on('error', () => resolve(false));
  });
  if (!answers) return void fs.rmSync(socket, { force: true });
  const owner = readAttachInfo(projectDir);
  const who = owner ? `pid ${owner.pid}, started ${owner.startedAt}` : `listening on ${socket}`;
  throw new UserError(
    `a factory run is already going in this folder (${who}): attach to it with \`factory tui\`, or stop it first`,
  );
}

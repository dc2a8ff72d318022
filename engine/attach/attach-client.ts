// The client side of the attach channel: connect to the run going in a folder, read its events, send it commands.
import net from 'node:net';
import type { EngineCommand } from '../contract/commands.js';
import type { FactoryEvent, Listener } from '../contract/events.js';
import { ndjsonLines } from './ndjson-lines.js';
import { readAttachInfo, socketPathFor } from './socket-path.js';

export type AttachClient = {
  /**
   * Every event from the start of the run, then live ones; events that came before the first listener are kept for it.
   */
  on(listener: Listener): () => void;
  send(command: EngineCommand): void;
  /** Leaves the run going. */
  close(): void;
  /** Settles when the engine closes the channel (the run ended or its process died). */
  closed: Promise<void>;
};

/** The run going in projectDir, or undefined when none answers. */
export async function attachToRun(projectDir: string): Promise<AttachClient | undefined> {
  const socketPath = readAttachInfo(projectDir)?.socket ?? socketPathFor(projectDir);
  const socket = await new Promise<net.Socket | undefined>((resolve) => {
    const candidate = net.connect(socketPath, () => resolve(candidate));
    candidate.once('error', () => resolve(undefined));
  });
  if (!socket) return undefined;
  socket.setEncoding('utf8');
  const listeners = new Set<Listener>();
  let early: FactoryEvent[] | undefined = [];
  socket.on(
    'data',
    ndjsonLines((line) => {
      let event: FactoryEvent;
      try {
        event = JSON.parse(line) as FactoryEvent;
      } catch {
        return;
      }
      if (early) early.push(event);
      for (const listener of listeners) listener(event);
    }),
  );
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('error', () => undefined);
  return {
    on(listener) {
      listeners.add(listener);
      if (early) {
        const backlog = early;
        early = undefined;
        for (const event of backlog) listener(event);
      }
      return () => listeners.delete(listener);
    },
    send(command) {
      if (!socket.destroyed) socket.write(`${JSON.stringify(command)}\n`);
    },
    close: () => socket.end(),
    closed,
  };
}

/**
 * Waits for a run that is starting to open its channel; gives up when `alive` says the starter died or after timeoutMs.
 */
export async function waitForRun(
  projectDir: string,
  alive: () => boolean,
  timeoutMs = 20_000,
): Promise<AttachClient | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && alive()) {
    const client = await attachToRun(projectDir);
    if (client) return client;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

// The engine's end of factory's MCP server: a unix socket, private to one worker call, on which the server process
// (started by the agent CLI) asks for the tools and calls them; the calls run here, through WorkerTools.
import fs from 'node:fs';
import net from 'node:net';
import { ndjsonLines } from '../attach/ndjson-lines.js';
import { errorMessage } from '../util/errors.js';
import { toolRequest, type ToolReply } from './tool-protocol.js';
import type { WorkerTools } from './worker-tools.js';

export type ToolBridge = { socket: string; close(): Promise<void> };

/** A request is small; a peer sending more in one line is cut off. */
const maxRequest = 1024 * 1024;

export async function openToolBridge(tools: WorkerTools, socket: string): Promise<ToolBridge> {
  fs.rmSync(socket, { force: true });
  const peers = new Set<net.Socket>();
  const server = net.createServer((peer) => {
    peers.add(peer);
    peer.setEncoding('utf8');
    const send = (reply: ToolReply): void => {
      if (!peer.destroyed) peer.write(`${JSON.stringify(reply)}\n`);
    };
    peer.on(
      'data',
      ndjsonLines((line) => void answer(tools, line).then(send), maxRequest),
    );
    peer.on('error', () => undefined);
    peer.on('close', () => peers.delete(peer));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, () => resolve());
  });
  // Only the user may connect (the folder holding it is private too).
  fs.chmodSync(socket, 0o600);
  return {
    socket,
    close: async () => {
      for (const peer of peers) peer.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(socket, { force: true });
    },
  };
}

async function answer(tools: WorkerTools, line: string): Promise<ToolReply> {
  let parsed: ReturnType<typeof toolRequest.safeParse>;
  try {
    parsed = toolRequest.safeParse(JSON.parse(line));
  } catch {
    return { id: -1, error: 'not JSON' };
  }
  if (!parsed.success) return { id: -1, error: 'not a tool request' };
  const request = parsed.data;
  if (request.op === 'list') return { id: request.id, tools: tools.specs() };
  try {
    return { id: request.id, result: await tools.call(request.name, request.input) };
  } catch (error) {
    return { id: request.id, error: errorMessage(error) };
  }
}

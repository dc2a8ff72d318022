// The MCP server process's end of the tool socket: asks the engine for the tool list and for calls, one request a line.
import net from 'node:net';
import { ndjsonLines } from '../attach/ndjson-lines.js';
import { toolReply } from './tool-protocol.js';
import type { ToolResult, ToolSpec } from './tool-spec.js';

export type ToolClient = {
  list(): Promise<ToolSpec[]>;
  call(name: string, input: unknown): Promise<ToolResult>;
  close(): void;
};

/** onClose: the engine went away (the worker call ended); nothing more can be served. */
export function connectToolClient(socket: string, onClose: () => void): Promise<ToolClient> {
  return new Promise((resolve, reject) => {
    const waiting = new Map<number, { resolve: (reply: unknown) => void; reject: (error: Error) => void }>();
    let next = 0;
    const link = net.connect(socket);
    link.setEncoding('utf8');
    link.on(
      'data',
      ndjsonLines((line) => {
        let parsed: ReturnType<typeof toolReply.safeParse>;
        try {
          parsed = toolReply.safeParse(JSON.parse(line));
        } catch {
          return;
        }
        if (!parsed.success) return;
        const pending = waiting.get(parsed.data.id);
        waiting.delete(parsed.data.id);
        if ('error' in parsed.data) pending?.reject(new Error(parsed.data.error));
        else pending?.resolve(parsed.data);
      }),
    );
    const ask = <T>(request: Record<string, unknown>, pick: (reply: Record<string, unknown>) => T): Promise<T> =>
      new Promise((done, fail) => {
        const id = ++next;
        waiting.set(id, { resolve: (reply) => done(pick(reply as Record<string, unknown>)), reject: fail });
        link.write(`${JSON.stringify({ id, ...request })}\n`);
      });
    link.once('connect', () =>
      resolve({
        list: () => ask({ op: 'list' }, (reply) => reply.tools as ToolSpec[]),
        call: (name, input) => ask({ op: 'call', name, input }, (reply) => reply.result as ToolResult),
        close: () => link.end(),
      }),
    );
    link.once('error', reject);
    link.once('close', () => {
      for (const pending of waiting.values()) pending.reject(new Error('factory ended the worker call'));
      waiting.clear();
      onClose();
    });
  });
}

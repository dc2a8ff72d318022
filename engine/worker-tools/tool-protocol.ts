// What factory's MCP server process and the engine say to each other over the
// call's unix socket, one JSON object a line: the server asks for the tool list or
// a call; the engine, which owns the sandbox, the caps and the events, answers.
import * as z from 'zod';
import type { ToolResult, ToolSpec } from './tool-spec.js';

export const toolRequest = z.discriminatedUnion('op', [
  z.object({ id: z.number().int(), op: z.literal('list') }),
  z.object({ id: z.number().int(), op: z.literal('call'), name: z.string().max(200), input: z.unknown() }),
]);

export const toolReply = z.union([
  z.object({
    id: z.number().int(),
    tools: z.array(
      z.object({
        name: z.enum(['run_tests', 'sandbox_exec']),
        description: z.string(),
        inputSchema: z.record(z.string(), z.unknown()),
      }),
    ),
  }),
  z.object({ id: z.number().int(), result: z.object({ text: z.string(), isError: z.boolean() }) }),
  z.object({ id: z.number().int(), error: z.string() }),
]);

export type ToolReply =
  | { id: number; tools: ToolSpec[] }
  | { id: number; result: ToolResult }
  | { id: number; error: string };

// The own agent's chat in the OpenAI shapes: tool calls with ids and their arguments as JSON text, results as role
// "tool" with the call's id; and the streamed tool-call deltas put back together by index.
import type { ChatMessage, ChatTool, ChatToolCall } from '../own/chat.js';

export type ToolCallDelta = { index?: number; id?: string; function?: { name?: string; arguments?: string } };

export function toOpenaiMessage(message: ChatMessage): Record<string, unknown> {
  if (message.role === 'tool') return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
  if (message.role === 'assistant' && message.toolCalls?.length)
    return {
      role: 'assistant',
      content: message.content || null,
      tool_calls: message.toolCalls.map((call) => ({
        id: call.id,
        type: 'function',
        function: { name: call.name, arguments: call.arguments },
      })),
    };
  return { role: message.role, content: message.content };
}

export function toOpenaiTool(tool: ChatTool): Record<string, unknown> {
  return {
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  };
}

/** Adds one delta to the calls so far: the first piece of a call brings its id and name, later ones more arguments. */
export function addToolCallDelta(calls: ChatToolCall[], delta: ToolCallDelta, fallbackId: () => string): void {
  const index = Number.isInteger(delta.index) && (delta.index as number) >= 0 ? (delta.index as number) : calls.length;
  if (index > calls.length) throw new Error(`a tool call delta skipped to index ${index}`);
  const call = calls[index] ?? { id: '', name: '', arguments: '' };
  calls[index] = call;
  if (typeof delta.id === 'string' && delta.id) call.id = delta.id;
  const name = delta.function?.name;
  // The name comes with a call's first piece; a server that repeats it whole is not read as a longer name.
  if (typeof name === 'string' && name !== call.name) call.name += name;
  if (typeof delta.function?.arguments === 'string') call.arguments += delta.function.arguments;
  if (!call.id) call.id = fallbackId();
}

// The own agent's chat in Ollama's shapes: tool calls with their arguments as an object, results as role "tool" with
// the tool's name; and the calls in an answer back as the own agent's (arguments as JSON text).
import type { Message, Tool, ToolCall } from 'ollama';
import type { ChatMessage, ChatTool, ChatToolCall } from '../own/chat.js';

export function toOllamaMessage(message: ChatMessage): Message {
  if (message.role === 'tool') return { role: 'tool', content: message.content, tool_name: message.toolName };
  if (message.role === 'assistant' && message.toolCalls?.length)
    return {
      role: 'assistant',
      content: message.content,
      tool_calls: message.toolCalls.map((call) => ({
        function: { name: call.name, arguments: argumentsObject(call.arguments) },
      })),
    };
  return { role: message.role, content: message.content };
}

export function toOllamaTool(tool: ChatTool): Tool {
  return {
    type: 'function',
    function: {
      name: tool.name,
      description: tool.description,
      parameters: tool.parameters as Tool['function']['parameters'],
    },
  };
}

/** Ollama gives no call ids: the own agent numbers the calls of a round itself. */
export function fromOllamaCall(call: ToolCall, id: string): ChatToolCall {
  const name = typeof call.function?.name === 'string' ? call.function.name : '';
  return { id, name, arguments: JSON.stringify(call.function?.arguments ?? null) ?? 'null' };
}

/** The arguments as Ollama wants them back: the object the model gave, or an empty one when they were not JSON. */
function argumentsObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

// One turn of the own agent's tool calls: each call's arguments read (untrusted
// JSON), run through factory's tools, and its result put in the chat as a role
// "tool" message; a call with broken arguments gets an error result, never a throw.
import type { ToolResult, ToolSpec } from '../../worker-tools/tool-spec.js';
import type { WorkerTools } from '../../worker-tools/worker-tools.js';
import type { ChatMessage, ChatTool, ChatToolCall } from './chat.js';

export function chatTools(specs: readonly ToolSpec[]): ChatTool[] {
  return specs.map((spec) => ({ name: spec.name, description: spec.description, parameters: spec.inputSchema }));
}

export async function answerToolCalls(tools: WorkerTools, calls: readonly ChatToolCall[]): Promise<ChatMessage[]> {
  const results: ChatMessage[] = [];
  for (const call of calls) {
    const input = readArguments(call.arguments);
    const result: ToolResult =
      'problem' in input
        ? { text: `refused: ${input.problem}`, isError: true }
        : await tools.call(call.name, input.value);
    results.push({ role: 'tool', content: result.text, toolCallId: call.id, toolName: call.name });
  }
  return results;
}

/** Empty arguments mean none (some servers send "" for a call without parameters). */
function readArguments(text: string): { value: unknown } | { problem: string } {
  if (text.trim() === '') return { value: {} };
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { problem: `the arguments are not valid JSON (${(error as Error).message}): ${text.slice(0, 200)}` };
  }
}

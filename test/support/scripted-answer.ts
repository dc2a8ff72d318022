// What a loopback model server answers: text, or tool calls (with optional text), scripted per test; and the tool
// results a client sends back, as the servers record them.

/** A tool call the scripted model makes; `arguments` is sent as given (a string is raw JSON text, maybe broken). */
export type ScriptedToolCall = { name: string; arguments: unknown };
export type ScriptedAnswer = string | { content?: string; toolCalls: ScriptedToolCall[] };
/** An answer, or a function of the request body that makes it. */
export type ScriptedReply = ScriptedAnswer | ((body: Record<string, unknown>) => ScriptedAnswer);

/** A role "tool" message as the server received it (Ollama names the tool, OpenAI the call id). */
export type ReceivedToolResult = { content: string; toolName?: string; toolCallId?: string };

export function answerParts(answer: ScriptedAnswer): { content: string; toolCalls: ScriptedToolCall[] } {
  return typeof answer === 'string'
    ? { content: answer, toolCalls: [] }
    : { content: answer.content ?? '', toolCalls: answer.toolCalls };
}

/** The tool results new in a request: the role "tool" messages after its last assistant message. */
export function newToolResults(body: Record<string, unknown>): ReceivedToolResult[] {
  const messages = (body.messages as Record<string, unknown>[] | undefined) ?? [];
  const lastAssistant = messages.map((message) => message.role).lastIndexOf('assistant');
  return messages
    .slice(lastAssistant + 1)
    .filter((message) => message.role === 'tool')
    .map((message) => ({
      content: String(message.content ?? ''),
      ...(typeof message.tool_name === 'string' && { toolName: message.tool_name }),
      ...(typeof message.tool_call_id === 'string' && { toolCallId: message.tool_call_id }),
    }));
}

/** The tool names a request offered the model (`tools[].function.name`, the shape both APIs share). */
export function offeredTools(body: Record<string, unknown>): string[] {
  const tools = (body.tools as { function?: { name?: string } }[] | undefined) ?? [];
  return tools.map((tool) => String(tool.function?.name));
}

/** The text of a request's first message (the system prompt, where the own agent lists its tools). */
export function systemText(body: Record<string, unknown>): string {
  const messages = body.messages as { content?: unknown }[] | undefined;
  return String(messages?.[0]?.content ?? '');
}

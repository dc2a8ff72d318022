// The one thing the own agent needs from a model server: stream a chat answer, optionally shaped by a JSON schema or
// given tools to call (Ollama and OpenAI `tools`).

/** A tool call the model made; its arguments as JSON text, as the model wrote them (untrusted, maybe broken). */
export type ChatToolCall = { id: string; name: string; arguments: string };

export type ChatMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ChatToolCall[] }
  /** A tool's result, answering the call with that id (OpenAI) and name (Ollama). */
  | { role: 'tool'; content: string; toolCallId: string; toolName: string };

/** A tool offered to the model: its parameters as a JSON schema. */
export type ChatTool = { name: string; description: string; parameters: Record<string, unknown> };

export type ChatRequest = {
  model: string;
  messages: ChatMessage[];
  signal: AbortSignal;
  onText: (text: string) => void;
  /** When set, the answer must be JSON matching this schema (Ollama `format`, OpenAI `response_format`). */
  jsonSchema?: Record<string, unknown>;
  /** Tools the model may call; absent or empty, none are offered. */
  tools?: ChatTool[];
};

export type ChatAnswer = { text: string; toolCalls?: ChatToolCall[]; inputTokens?: number; outputTokens?: number };

export type StreamChat = (request: ChatRequest) => Promise<ChatAnswer>;

/** Bounds on one answer's tool calls: a looping model must not fill memory. */
const maxCallsPerAnswer = 64;
const maxArgumentChars = 200_000;

/** Throws when an answer's tool calls (so far, while streaming) pass the bounds. */
export function checkToolCalls(calls: readonly ChatToolCall[], model: string): void {
  if (calls.length > maxCallsPerAnswer)
    throw new Error(`the answer from ${model} made more than ${maxCallsPerAnswer} tool calls`);
  const chars = calls.reduce((sum, call) => sum + call.name.length + call.arguments.length, 0);
  if (chars > maxArgumentChars)
    throw new Error(`the tool calls from ${model} passed ${maxArgumentChars} characters of arguments`);
}

// The one thing the own agent needs from a model server: stream a chat answer, optionally shaped by a JSON schema.
export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };

export type ChatRequest = {
  model: string;
  messages: ChatMessage[];
  signal: AbortSignal;
  onText: (text: string) => void;
  /** When set, the answer must be JSON matching this schema (Ollama `format`, OpenAI `response_format`). */
  jsonSchema?: Record<string, unknown>;
};

export type ChatAnswer = { text: string; inputTokens?: number; outputTokens?: number };

export type StreamChat = (request: ChatRequest) => Promise<ChatAnswer>;

// Streams a chat from any OpenAI-compatible server (/chat/completions with SSE), with an optional key and JSON-schema
// answers.
import { EventSourceParserStream } from 'eventsource-parser/stream';
import { UserError, errorMessage } from '../../util/errors.js';
import type { ChatAnswer, ChatRequest, StreamChat } from '../own/chat.js';

type Chunk = {
  choices?: { delta?: { content?: string | null } }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  error?: { message?: string };
};

export function openaiChat(baseUrl: string, apiKey: string | undefined): StreamChat {
  return async (request: ChatRequest): Promise<ChatAnswer> => {
    const body = {
      model: request.model,
      messages: request.messages,
      stream: true,
      stream_options: { include_usage: true },
      ...(request.jsonSchema && {
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'decision', schema: request.jsonSchema, strict: true },
        },
      }),
    };
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(apiKey && { authorization: `Bearer ${apiKey}` }) },
        body: JSON.stringify(body),
        signal: request.signal,
      });
    } catch (error) {
      if (request.signal.aborted) throw request.signal.reason;
      throw new UserError(
        `cannot reach the OpenAI-compatible server at ${baseUrl} (OPENAI_BASE_URL): ` +
          `${errorMessage((error as { cause?: unknown }).cause ?? error)}`,
      );
    }
    if (!response.ok || !response.body) {
      const detail = (await response.text().catch(() => '')).slice(0, 500);
      const hint =
        response.status === 401 || response.status === 403
          ? ' (check the key named by OPENAI_API_KEY_ENV)'
          : response.status === 404
            ? ` (is model "${request.model}" served there?)`
            : '';
      throw new UserError(`the OpenAI-compatible server at ${baseUrl} answered ${response.status}${hint}: ${detail}`);
    }
    let text = '';
    let usage: Chunk['usage'];
    const events = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
    for await (const event of events) {
      if (event.data.trim() === '[DONE]') break;
      const chunk = JSON.parse(event.data) as Chunk;
      if (chunk.error)
        throw new Error(
          `the OpenAI-compatible server at ${baseUrl} failed mid-answer: ${chunk.error.message ?? event.data}`,
        );
      const part = chunk.choices?.[0]?.delta?.content ?? '';
      if (part) {
        text += part;
        request.onText(part);
      }
      if (chunk.usage) usage = chunk.usage;
    }
    return { text, inputTokens: usage?.prompt_tokens, outputTokens: usage?.completion_tokens };
  };
}

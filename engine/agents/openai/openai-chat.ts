// Streams a chat from any OpenAI-compatible server (/chat/completions with SSE), with an optional key, JSON-schema
// answers, and `tools` with the answer's tool calls put together from their deltas.
import { EventSourceParserStream } from 'eventsource-parser/stream';
import { UserError, errorMessage } from '../../util/errors.js';
import { type ChatAnswer, type ChatRequest, type ChatToolCall, type StreamChat, checkToolCalls } from '../own/chat.js';
import { type ToolCallDelta, addToolCallDelta, toOpenaiMessage, toOpenaiTool } from './openai-messages.js';

type Chunk = {
  choices?: { delta?: { content?: string | null; tool_calls?: ToolCallDelta[] | null } }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  error?: { message?: string };
};

export function openaiChat(baseUrl: string, apiKey: string | undefined): StreamChat {
  let callSerial = 0;
  return async (request: ChatRequest): Promise<ChatAnswer> => {
    const body = {
      model: request.model,
      messages: request.messages.map(toOpenaiMessage),
      ...(request.tools?.length && { tools: request.tools.map(toOpenaiTool) }),
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
    const toolCalls: ChatToolCall[] = [];
    let usage: Chunk['usage'];
    const events = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
    for await (const event of events) {
      if (event.data.trim() === '[DONE]') break;
      const chunk = JSON.parse(event.data) as Chunk;
      if (chunk.error)
        throw new Error(
          `the OpenAI-compatible server at ${baseUrl} failed mid-answer: ${chunk.error.message ?? event.data}`,
        );
      const delta = chunk.choices?.[0]?.delta;
      const part = delta?.content ?? '';
      if (part) {
        text += part;
        request.onText(part);
      }
      for (const call of delta?.tool_calls ?? []) addToolCallDelta(toolCalls, call, () => `call_own_${++callSerial}`);
      checkToolCalls(toolCalls, request.model);
      if (chunk.usage) usage = chunk.usage;
    }
    return {
      text,
      ...(toolCalls.length > 0 && { toolCalls }),
      inputTokens: usage?.prompt_tokens,
      outputTokens: usage?.completion_tokens,
    };
  };
}

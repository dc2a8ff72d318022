// Streams a chat from an Ollama server through the ollama client: NDJSON chunks, `format` for JSON answers, `tools` and
// the answer's tool calls, abort on the signal.
import type { Ollama } from 'ollama';
import { type ChatAnswer, type ChatRequest, type ChatToolCall, type StreamChat, checkToolCalls } from '../own/chat.js';
import type { NumCtx } from './context-window.js';
import { fromOllamaCall, toOllamaMessage, toOllamaTool } from './ollama-messages.js';
import { ollamaProblem } from './ollama-problem.js';

/** keep_alive -1: the models the loop chats with stay resident for the whole run (SPEC section 4). */
export function ollamaChat(client: Ollama, host: string, numCtx: NumCtx): StreamChat {
  let callSerial = 0;
  return async (request: ChatRequest): Promise<ChatAnswer> => {
    request.signal.throwIfAborted();
    try {
      const options = { num_ctx: await numCtx(request.model) };
      const stream = await client.chat({
        model: request.model,
        messages: request.messages.map(toOllamaMessage),
        stream: true,
        keep_alive: -1,
        format: request.jsonSchema,
        ...(request.tools?.length && { tools: request.tools.map(toOllamaTool) }),
        options,
      });
      const abort = (): void => stream.abort();
      request.signal.addEventListener('abort', abort, { once: true });
      let text = '';
      const toolCalls: ChatToolCall[] = [];
      const answer = (counts: { prompt_eval_count?: number; eval_count?: number } = {}): ChatAnswer => ({
        text,
        ...(toolCalls.length > 0 && { toolCalls }),
        inputTokens: counts.prompt_eval_count,
        outputTokens: counts.eval_count,
      });
      try {
        for await (const chunk of stream) {
          const part = chunk.message?.content ?? '';
          if (part) {
            text += part;
            request.onText(part);
          }
          // Ollama sends each call whole, in a chunk of its own or in the last one.
          for (const call of chunk.message?.tool_calls ?? [])
            toolCalls.push(fromOllamaCall(call, `call_${++callSerial}`));
          checkToolCalls(toolCalls, request.model);
          if (chunk.done) return answer(chunk);
        }
      } finally {
        request.signal.removeEventListener('abort', abort);
      }
      return answer();
    } catch (error) {
      if (request.signal.aborted) throw request.signal.reason;
      throw ollamaProblem(error, host, request.model);
    }
  };
}

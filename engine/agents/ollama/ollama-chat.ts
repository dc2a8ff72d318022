// Streams a chat from an Ollama server through the ollama client: NDJSON chunks, `format` for JSON answers, abort on
// the signal.
import type { Ollama } from 'ollama';
import type { ChatAnswer, ChatRequest, StreamChat } from '../own/chat.js';
import type { NumCtx } from './context-window.js';
import { ollamaProblem } from './ollama-problem.js';

/** keep_alive -1: the models the loop chats with stay resident for the whole run (SPEC section 4). */
export function ollamaChat(client: Ollama, host: string, numCtx: NumCtx): StreamChat {
  return async (request: ChatRequest): Promise<ChatAnswer> => {
    request.signal.throwIfAborted();
    try {
      const options = { num_ctx: await numCtx(request.model) };
      const stream = await client.chat({
        model: request.model,
        messages: request.messages,
        stream: true,
        keep_alive: -1,
        format: request.jsonSchema,
        options,
      });
      const abort = (): void => stream.abort();
      request.signal.addEventListener('abort', abort, { once: true });
      let text = '';
      try {
        for await (const chunk of stream) {
          const part = chunk.message?.content ?? '';
          if (part) {
            text += part;
            request.onText(part);
          }
          if (chunk.done) return { text, inputTokens: chunk.prompt_eval_count, outputTokens: chunk.eval_count };
        }
      } finally {
        request.signal.removeEventListener('abort', abort);
      }
      return { text };
    } catch (error) {
      if (request.signal.aborted) throw request.signal.reason;
      throw ollamaProblem(error, host, request.model);
    }
  };
}

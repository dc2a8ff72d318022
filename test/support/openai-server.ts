// A loopback server speaking the OpenAI API's chat completions (SSE streaming, tool calls, usage chunk, bearer key) and
// model list, answering from a per-test script.
import type http from 'node:http';
import { listen, pieces, readJson, sendJson } from './http-helpers.js';
import { answerParts, newToolResults, type ReceivedToolResult, type ScriptedReply } from './scripted-answer.js';

export type OpenaiScript = {
  /** Chat answers (text, or tool calls), used in order; a function sees the request body. */
  answers: ScriptedReply[];
  apiKey?: string;
  models?: string[];
  /** Pause between streamed chunks, so calls from several production lines overlap unless they are queued. */
  chunkDelayMs?: number;
};
export type OpenaiServer = {
  url: string;
  requests: { body: Record<string, unknown>; authorization?: string }[];
  /** The role "tool" messages each chat brought back, in order. */
  toolResults: ReceivedToolResult[];
  /** The most chat completions the server was answering at one time. */
  mostChatsAtOnce(): number;
  close(): Promise<void>;
};

export async function startOpenaiServer(script: OpenaiScript): Promise<OpenaiServer> {
  const requests: OpenaiServer['requests'] = [];
  const toolResults: ReceivedToolResult[] = [];
  let serial = 0;
  let callSerial = 0;
  let chatting = 0;
  let mostChats = 0;
  const server = await listen(async (request, response) => {
    if (request.method !== 'POST') return respond(request, response);
    chatting++;
    mostChats = Math.max(mostChats, chatting);
    try {
      await respond(request, response);
    } finally {
      chatting--;
    }
  });
  const respond = async (request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (request.method === 'GET' && path === '/v1/models')
      return sendJson(response, 200, {
        object: 'list',
        data: (script.models ?? ['local-coder']).map((id) => ({
          id,
          object: 'model',
          created: 1_700_000_000,
          owned_by: 'local',
        })),
      });
    if (request.method !== 'POST' || path !== '/v1/chat/completions')
      return sendJson(response, 404, {
        error: { message: `no route ${request.method} ${path}`, type: 'invalid_request_error' },
      });
    const body = await readJson(request);
    requests.push({ body, authorization: request.headers.authorization });
    if (script.apiKey && request.headers.authorization !== `Bearer ${script.apiKey}`)
      return sendJson(response, 401, {
        error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' },
      });
    toolResults.push(...newToolResults(body));
    const next = script.answers.shift();
    if (next === undefined)
      return sendJson(response, 500, {
        error: { message: 'the test script has no answer left', type: 'server_error' },
      });
    const { content: answer, toolCalls } = answerParts(typeof next === 'function' ? next(body) : next);
    // OpenAI sends each call's arguments as JSON text: a scripted string goes as it is (broken JSON included).
    const calls = toolCalls.map((call) => ({
      id: `call_${++callSerial}`,
      type: 'function',
      function: {
        name: call.name,
        arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
      },
    }));
    const finish_reason = calls.length > 0 ? 'tool_calls' : 'stop';
    const base = {
      id: `chatcmpl-${++serial}`,
      object: 'chat.completion.chunk',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
    };
    const usage = { prompt_tokens: 120, completion_tokens: answer.length, total_tokens: 120 + answer.length };
    if (!body.stream) {
      return sendJson(response, 200, {
        ...base,
        object: 'chat.completion',
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: answer || (calls.length > 0 ? null : ''),
              ...(calls.length > 0 && { tool_calls: calls }),
            },
            finish_reason,
          },
        ],
        usage,
      });
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const send = (chunk: object): boolean => response.write(`data: ${JSON.stringify(chunk)}\n\n`);
    send({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] });
    for (const piece of pieces(answer)) {
      send({ ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] });
      if (script.chunkDelayMs) await new Promise((resolve) => setTimeout(resolve, script.chunkDelayMs));
    }
    // A call streams as its id, type and name first, then its arguments' text in pieces, all under its index.
    for (const [index, call] of calls.entries()) {
      const head = { index, id: call.id, type: call.type, function: { name: call.function.name, arguments: '' } };
      send({ ...base, choices: [{ index: 0, delta: { tool_calls: [head] }, finish_reason: null }] });
      for (const piece of pieces(call.function.arguments, 9))
        send({
          ...base,
          choices: [
            { index: 0, delta: { tool_calls: [{ index, function: { arguments: piece } }] }, finish_reason: null },
          ],
        });
    }
    send({ ...base, choices: [{ index: 0, delta: {}, finish_reason }] });
    if ((body.stream_options as { include_usage?: boolean } | undefined)?.include_usage)
      send({ ...base, choices: [], usage });
    response.end('data: [DONE]\n\n');
  };
  return { url: `${server.url}/v1`, requests, toolResults, mostChatsAtOnce: () => mostChats, close: server.close };
}

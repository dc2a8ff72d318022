// A loopback server speaking the OpenAI API's chat completions (SSE streaming, usage chunk, bearer key) and model list, answering from a per-test script.
import { listen, pieces, readJson, sendJson } from './http-helpers.js';

export type OpenaiScript = {
  answers: (string | ((body: Record<string, unknown>) => string))[];
  apiKey?: string;
  models?: string[];
};
export type OpenaiServer = {
  url: string;
  requests: { body: Record<string, unknown>; authorization?: string }[];
  close(): Promise<void>;
};

export async function startOpenaiServer(script: OpenaiScript): Promise<OpenaiServer> {
  const requests: OpenaiServer['requests'] = [];
  let serial = 0;
  const server = await listen(async (request, response) => {
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
    const next = script.answers.shift();
    if (next === undefined)
      return sendJson(response, 500, {
        error: { message: 'the test script has no answer left', type: 'server_error' },
      });
    const answer = typeof next === 'function' ? next(body) : next;
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
        choices: [{ index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' }],
        usage,
      });
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const send = (chunk: object): boolean => response.write(`data: ${JSON.stringify(chunk)}\n\n`);
    send({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] });
    for (const piece of pieces(answer))
      send({ ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] });
    send({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
    if ((body.stream_options as { include_usage?: boolean } | undefined)?.include_usage)
      send({ ...base, choices: [], usage });
    response.end('data: [DONE]\n\n');
  });
  return { url: `${server.url}/v1`, requests, close: server.close };
}

// A loopback server speaking the Ollama HTTP API as documented (chat NDJSON streaming, tool calls, ps, tags, show, pull
// progress, keep_alive), answering from a per-test script.
import type http from 'node:http';
import { listen, pieces, readJson, sendJson } from './http-helpers.js';
import { answerParts, newToolResults, type ReceivedToolResult, type ScriptedReply } from './scripted-answer.js';

export type FakeModel = { name: string; size: number; sizeVram?: number; contextLength?: number };
export type OllamaScript = {
  models: FakeModel[];
  /** Models the server can pull from its "registry". */
  pullable?: FakeModel[];
  /** Chat answers (text, or tool calls), used in order; a function sees the request body. */
  answers: ScriptedReply[];
  /** Characters per streamed chunk (default 17). */
  chunkSize?: number;
  /** Pause between streamed chunks, for tests that interrupt a model mid-answer. */
  chunkDelayMs?: number;
  /** How long a load or an unload (a chat with no messages) takes, as a large model's does. */
  loadMs?: number;
};
export type OllamaServer = {
  url: string;
  requests: { path: string; body: Record<string, unknown> }[];
  /** The role "tool" messages each chat brought back, in order. */
  toolResults: ReceivedToolResult[];
  running(): string[];
  /** The most chats (with messages: not a load or an unload) the server was answering at one time. */
  mostChatsAtOnce(): number;
  close(): Promise<void>;
  hungUp(): number;
};

const fullName = (name: string): string => (name.includes(':') ? name : `${name}:latest`);
const details = {
  parent_model: '',
  format: 'gguf',
  family: 'qwen2',
  families: ['qwen2'],
  parameter_size: '7B',
  quantization_level: 'Q4_K_M',
};

export async function startOllamaServer(script: OllamaScript): Promise<OllamaServer> {
  const models = new Map(script.models.map((model) => [fullName(model.name), model]));
  /** Loaded model -> when it expires (Infinity: keep_alive < 0). */
  const loaded = new Map<string, number>();
  const requests: OllamaServer['requests'] = [];
  const toolResults: ReceivedToolResult[] = [];
  let hangUps = 0;
  let chatting = 0;
  let mostChats = 0;
  const running = (): string[] => [...loaded].filter(([, until]) => until > Date.now()).map(([name]) => name);

  const keep = (name: string, keepAlive: unknown): void => {
    const seconds = keepAlive === undefined ? 300 : parseDuration(keepAlive);
    if (seconds === 0) loaded.delete(name);
    else loaded.set(name, seconds < 0 ? Infinity : Date.now() + seconds * 1000);
  };

  const chat = async (body: Record<string, unknown>, response: http.ServerResponse): Promise<void> => {
    const name = fullName(String(body.model ?? ''));
    if (!models.has(name))
      return sendJson(response, 404, { error: `model "${body.model}" not found, try pulling it first` });
    const messages = (body.messages as unknown[] | undefined) ?? [];
    const base = { model: body.model, created_at: new Date().toISOString() };
    if (messages.length === 0) {
      if (script.loadMs) await new Promise((resolve) => setTimeout(resolve, script.loadMs));
      keep(name, body.keep_alive);
      return sendJson(response, 200, {
        ...base,
        message: { role: 'assistant', content: '' },
        done_reason: body.keep_alive === 0 ? 'unload' : 'load',
        done: true,
      });
    }
    chatting++;
    mostChats = Math.max(mostChats, chatting);
    try {
      await reply(body, name, base, response);
    } finally {
      chatting--;
    }
  };

  const reply = async (
    body: Record<string, unknown>,
    name: string,
    base: Record<string, unknown>,
    response: http.ServerResponse,
  ): Promise<void> => {
    toolResults.push(...newToolResults(body));
    const next = script.answers.shift();
    if (next === undefined) return sendJson(response, 500, { error: 'the test script has no answer left' });
    const { content: answer, toolCalls } = answerParts(typeof next === 'function' ? next(body) : next);
    // Ollama sends each call's arguments as an object, and the calls whole in one message (streamed or not).
    const tool_calls = toolCalls.map((call, index) => ({
      function: { index, name: call.name, arguments: call.arguments },
    }));
    keep(name, body.keep_alive);
    const final = {
      ...base,
      message: { role: 'assistant', content: '' },
      done: true,
      done_reason: 'stop',
      total_duration: 1000,
      load_duration: 10,
      prompt_eval_count: 100,
      prompt_eval_duration: 100,
      eval_count: answer.length,
      eval_duration: 100,
    };
    if (body.stream === false)
      return sendJson(response, 200, {
        ...final,
        message: { role: 'assistant', content: answer, ...(tool_calls.length > 0 && { tool_calls }) },
      });
    response.writeHead(200, { 'content-type': 'application/x-ndjson' });
    for (const piece of pieces(answer, script.chunkSize)) {
      if (response.destroyed) return void hangUps++;
      response.write(`${JSON.stringify({ ...base, message: { role: 'assistant', content: piece }, done: false })}\n`);
      if (script.chunkDelayMs) await new Promise((resolve) => setTimeout(resolve, script.chunkDelayMs));
    }
    if (tool_calls.length > 0)
      response.write(
        `${JSON.stringify({ ...base, message: { role: 'assistant', content: '', tool_calls }, done: false })}\n`,
      );
    response.end(`${JSON.stringify(final)}\n`);
  };

  const pull = (body: Record<string, unknown>, response: http.ServerResponse): void => {
    // The API takes `model`; older clients (the ollama npm client among them) still send the deprecated `name`.
    const asked = fullName(String(body.model ?? body.name));
    const wanted = (script.pullable ?? []).find((model) => fullName(model.name) === asked);
    response.writeHead(200, { 'content-type': 'application/x-ndjson' });
    const line = (value: object): boolean => response.write(`${JSON.stringify(value)}\n`);
    line({ status: 'pulling manifest' });
    if (!wanted) return void response.end(`${JSON.stringify({ error: 'pull model manifest: file does not exist' })}\n`);
    const digest = 'sha256:6a0746a1ec1aef3e7ec53868f220ff6e389f6f8ef87a01d77c96807de94ca2aa';
    for (let step = 0; step <= 4; step++)
      line({
        status: `pulling ${digest.slice(7, 19)}`,
        digest,
        total: wanted.size,
        completed: (wanted.size * step) / 4,
      });
    for (const status of ['verifying sha256 digest', 'writing manifest']) line({ status });
    models.set(fullName(wanted.name), wanted);
    response.end(`${JSON.stringify({ status: 'success' })}\n`);
  };

  const entry = (model: FakeModel) => ({
    name: fullName(model.name),
    model: fullName(model.name),
    modified_at: '2026-01-01T00:00:00Z',
    size: model.size,
    digest: 'a80c4f17acd5',
    details,
  });

  const server = await listen(async (request, response) => {
    const body = request.method === 'POST' ? await readJson(request) : {};
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requests.push({ path, body });
    if (path === '/api/chat' && request.method === 'POST') return chat(body, response);
    if (path === '/api/pull' && request.method === 'POST') return pull(body, response);
    if (path === '/api/tags') return sendJson(response, 200, { models: [...models.values()].map(entry) });
    if (path === '/api/ps') {
      return sendJson(response, 200, {
        models: running().map((name) => ({
          ...entry(models.get(name)!),
          expires_at: new Date(Math.min(loaded.get(name)!, 8.64e15)).toISOString(),
          size_vram: models.get(name)!.sizeVram ?? models.get(name)!.size,
        })),
      });
    }
    if (path === '/api/show' && request.method === 'POST') {
      const model = models.get(fullName(String(body.model)));
      if (!model) return sendJson(response, 404, { error: `model '${body.model}' not found` });
      return sendJson(response, 200, {
        modelfile: `FROM ${model.name}`,
        parameters: '',
        template: '{{ .Prompt }}',
        details,
        model_info: { 'general.architecture': 'qwen2', 'qwen2.context_length': model.contextLength ?? 32768 },
        capabilities: ['completion'],
        modified_at: '2026-01-01T00:00:00Z',
      });
    }
    sendJson(response, 404, { error: `no route ${request.method} ${path}` });
  });
  return {
    url: server.url,
    requests,
    toolResults,
    running,
    mostChatsAtOnce: () => mostChats,
    close: server.close,
    hungUp: () => hangUps,
  };
}

/** keep_alive as Ollama reads it: seconds, or a duration such as "10m", "24h", "-1m". */
function parseDuration(value: unknown): number {
  if (typeof value === 'number') return value;
  const match = /^(-?\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(String(value).trim());
  if (!match) return 300;
  const unit = { ms: 0.001, s: 1, m: 60, h: 3600 }[match[2] ?? 's']!;
  return Number(match[1]) * unit;
}

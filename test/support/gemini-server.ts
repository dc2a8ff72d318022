// A scripted Gemini API on 127.0.0.1: each agent request (one that offers function declarations) plays the next reply; side calls (routing, next-speaker checks) get a fixed JSON answer.
import { listen, sendJson } from './http-helpers.js';
import type { ScriptedServer } from './anthropic-server.js';

/** One model reply: text and/or function calls, or an HTTP error, or bytes that are not the protocol at all. */
export type GeminiReply =
  | { text?: string; calls?: { name: string; args: Record<string, unknown> }[] }
  | { status: number; message: string }
  | { garbage: string }
  /** Never answer: the request stays open until the client goes away. */
  | { hang: true };

/** Answers the CLI's side questions: the model router's classifier and the next-speaker check and next-speaker check read these fields. */
const sideAnswer = JSON.stringify({
  reasoning: 'scripted server',
  model_choice: 'flash',
  next_speaker: 'user',
  complexity_reasoning: 'scripted server',
  complexity_score: 10,
});

/** A reply, or one chosen from the request (what the model was just told, e.g. a function's response). */
export type GeminiStep = GeminiReply | ((request: Record<string, unknown>) => GeminiReply);

export async function startGeminiServer(script: GeminiStep[]): Promise<ScriptedServer> {
  const requests: Record<string, unknown>[] = [];
  let next = 0;
  let hangsDropped = 0;
  const { url, close } = await listen((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const match = /\/models\/([^/:]+):(\w+)/.exec(req.url ?? '');
      if (!match || req.method !== 'POST')
        return void sendJson(res, 404, {
          error: { code: 404, message: `no route ${req.method} ${req.url}`, status: 'NOT_FOUND' },
        });
      const [, model, method] = match;
      if (method === 'countTokens') return void sendJson(res, 200, { totalTokens: 100 });
      const parsed = JSON.parse(body || '{}') as { tools?: { functionDeclarations?: unknown[] }[] };
      const isAgent = (parsed.tools ?? []).some((tool) => (tool.functionDeclarations ?? []).length > 0);
      if (isAgent) requests.push(parsed as Record<string, unknown>);
      const step = isAgent ? (script[next++] ?? { text: 'Done.' }) : { text: sideAnswer };
      const reply = typeof step === 'function' ? step(parsed as Record<string, unknown>) : step;
      if ('hang' in reply) return void res.on('close', () => hangsDropped++);
      if ('garbage' in reply)
        return void res.writeHead(200, { 'content-type': 'text/event-stream' }).end(reply.garbage);
      if ('status' in reply)
        return void sendJson(res, reply.status, {
          error: {
            code: reply.status,
            message: reply.message,
            status: reply.status === 429 ? 'RESOURCE_EXHAUSTED' : 'INTERNAL',
          },
        });
      const parts: Record<string, unknown>[] = [];
      if (reply.text) parts.push({ text: reply.text });
      for (const call of reply.calls ?? []) parts.push({ functionCall: { name: call.name, args: call.args } });
      const response = {
        candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP', index: 0 }],
        usageMetadata: { promptTokenCount: 800, candidatesTokenCount: 40, totalTokenCount: 840 },
        modelVersion: model,
      };
      if (method === 'generateContent') return void sendJson(res, 200, response);
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(`data: ${JSON.stringify(response)}\r\n\r\n`);
    });
  });
  return {
    url,
    requests,
    get hangsDropped() {
      return hangsDropped;
    },
    close,
  };
}

// A scripted Anthropic Messages API on 127.0.0.1: each agent request (one that offers tools) plays the next reply of the script, streamed as SSE.
import { listen, sendJson } from './http-helpers.js';

/** One model reply: text and/or tool calls, or an HTTP error, or bytes that are not the protocol at all. */
export type AnthropicReply =
  | { text?: string; tools?: { name: string; input: Record<string, unknown> }[] }
  | { status: number; error: { type: string; message: string } }
  | { garbage: string }
  /** Never answer: the request stays open until the client goes away. */
  | { hang: true };

/** A reply, or one chosen from the request (what the model was just told, e.g. a tool's result). */
export type ScriptStep = AnthropicReply | ((request: Record<string, unknown>) => AnthropicReply);

export type ScriptedServer = {
  url: string;
  /** Bodies of the agent requests received, in order. */
  requests: Record<string, unknown>[];
  /** Hanging requests whose client closed the connection (e.g. because it was killed). */
  readonly hangsDropped: number;
  close(): Promise<void>;
};

type Block =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

export async function startAnthropicServer(script: ScriptStep[]): Promise<ScriptedServer> {
  const requests: Record<string, unknown>[] = [];
  let next = 0;
  let hangsDropped = 0;
  let ids = 0;
  const { url, close } = await listen((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (!req.url?.startsWith('/v1/messages') || req.method !== 'POST') return void res.writeHead(404).end();
      const parsed = JSON.parse(body || '{}') as Record<string, unknown>;
      if (req.url.startsWith('/v1/messages/count_tokens')) return void sendJson(res, 200, { input_tokens: 100 });
      // Side requests (titles, quota checks) offer no tools: they get a short answer and leave the script alone.
      const isAgent = Array.isArray(parsed.tools) && parsed.tools.length > 0;
      if (isAgent) requests.push(parsed);
      const step = isAgent ? (script[next++] ?? { text: 'Done.' }) : { text: 'ok' };
      const reply = typeof step === 'function' ? step(parsed) : step;
      if ('hang' in reply) return void res.on('close', () => hangsDropped++);
      if ('garbage' in reply)
        return void res.writeHead(200, { 'content-type': 'text/event-stream' }).end(reply.garbage);
      if ('status' in reply) return void sendJson(res, reply.status, { type: 'error', error: reply.error });
      const blocks: Block[] = [];
      if (reply.text) blocks.push({ type: 'text', text: reply.text });
      for (const tool of reply.tools ?? [])
        blocks.push({ type: 'tool_use', id: `toolu_${++ids}`, name: tool.name, input: tool.input });
      const message = {
        id: `msg_${++ids}`,
        type: 'message',
        role: 'assistant',
        model: String(parsed.model ?? 'claude-sonnet-4-5'),
        stop_sequence: null,
      };
      const stopReason = reply.tools?.length ? 'tool_use' : 'end_turn';
      const usage = {
        input_tokens: 1000,
        output_tokens: 50,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
      };
      if (parsed.stream !== true)
        return void sendJson(res, 200, { ...message, content: blocks, stop_reason: stopReason, usage });
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const send = (event: string, data: unknown): boolean =>
        res.write(`event: ${event}\ndata: ${JSON.stringify({ type: event, ...(data as object) })}\n\n`);
      send('message_start', {
        message: { ...message, content: [], stop_reason: null, usage: { ...usage, output_tokens: 1 } },
      });
      blocks.forEach((block, index) => {
        if (block.type === 'text') {
          send('content_block_start', { index, content_block: { type: 'text', text: '' } });
          send('content_block_delta', { index, delta: { type: 'text_delta', text: block.text } });
        } else {
          send('content_block_start', {
            index,
            content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} },
          });
          send('content_block_delta', {
            index,
            delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input) },
          });
        }
        send('content_block_stop', { index });
      });
      send('message_delta', {
        delta: { stop_reason: stopReason, stop_sequence: null },
        usage: { output_tokens: usage.output_tokens },
      });
      send('message_stop', {});
      res.end();
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

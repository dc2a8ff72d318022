// The own agent's chats with tools against the loopback servers: the tools go out in each API's shape, the model's tool
// calls come back (Ollama's whole, OpenAI's from streamed deltas), and the results go back as role "tool" messages.
import { Ollama } from 'ollama';
import { afterEach, describe, expect, it } from 'vitest';
import { ollamaChat } from '../../../../engine/agents/ollama/ollama-chat.js';
import { openaiChat } from '../../../../engine/agents/openai/openai-chat.js';
import type { ChatMessage, ChatTool, StreamChat } from '../../../../engine/agents/own/chat.js';
import { startOllamaServer } from '../../../support/ollama-server.js';
import { startOpenaiServer } from '../../../support/openai-server.js';
import { offeredTools } from '../../../support/scripted-answer.js';

const runTests: ChatTool = {
  name: 'run_tests',
  description: 'Runs the tests.',
  parameters: { type: 'object', properties: { tests: { type: 'array', items: { type: 'string' } } } },
};
const ask: ChatMessage[] = [{ role: 'user', content: 'fix it' }];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function chatTwice(chat: StreamChat, model: string) {
  const texts: string[] = [];
  const first = await chat({
    model,
    messages: ask,
    tools: [runTests],
    signal: new AbortController().signal,
    onText: (text) => texts.push(text),
  });
  const calls = first.toolCalls ?? [];
  const messages: ChatMessage[] = [
    ...ask,
    { role: 'assistant', content: first.text, toolCalls: calls },
    ...calls.map(
      (call, index): ChatMessage => ({
        role: 'tool',
        content: `result ${index + 1}`,
        toolCallId: call.id,
        toolName: call.name,
      }),
    ),
  ];
  const second = await chat({
    model,
    messages,
    tools: [runTests],
    signal: new AbortController().signal,
    onText: () => {},
  });
  return { first, second, texts };
}

describe('own agent chat with tools', () => {
  it('Ollama: tools offered, the streamed tool calls read whole, the results sent back with the tool name', async () => {
    const server = await startOllamaServer({
      models: [{ name: 'coder:7b', size: 4e9 }],
      answers: [
        {
          content: 'Let me check.',
          toolCalls: [
            { name: 'run_tests', arguments: { tests: ['tests/test_calc.py::test_add'] } },
            { name: 'sandbox_exec', arguments: 'not an object' },
          ],
        },
        'Done.',
      ],
    });
    closers.push(server.close);
    const client = new Ollama({ host: server.url });
    const chat = ollamaChat(client, server.url, async () => 8192);

    const { first, second, texts } = await chatTwice(chat, 'coder:7b');

    expect(texts.join('')).toBe('Let me check.');
    expect(first.text).toBe('Let me check.');
    expect(first.toolCalls).toEqual([
      { id: expect.any(String), name: 'run_tests', arguments: '{"tests":["tests/test_calc.py::test_add"]}' },
      { id: expect.any(String), name: 'sandbox_exec', arguments: '"not an object"' },
    ]);
    expect(new Set(first.toolCalls?.map((call) => call.id)).size).toBe(2);
    expect(second).toMatchObject({ text: 'Done.' });
    expect(second.toolCalls).toBeUndefined();
    const chats = server.requests.filter((request) => request.path === '/api/chat');
    expect(chats.map((request) => offeredTools(request.body))).toEqual([['run_tests'], ['run_tests']]);
    expect(chats[0]?.body.tools).toEqual([{ type: 'function', function: runTests }]);
    // Back to Ollama: the assistant's calls with their arguments as objects (a non-object becomes {}), then the results.
    expect(chats[1]?.body.messages).toEqual([
      ...ask,
      {
        role: 'assistant',
        content: 'Let me check.',
        tool_calls: [
          { function: { name: 'run_tests', arguments: { tests: ['tests/test_calc.py::test_add'] } } },
          { function: { name: 'sandbox_exec', arguments: {} } },
        ],
      },
      { role: 'tool', content: 'result 1', tool_name: 'run_tests' },
      { role: 'tool', content: 'result 2', tool_name: 'sandbox_exec' },
    ]);
    expect(server.toolResults).toEqual([
      { content: 'result 1', toolName: 'run_tests' },
      { content: 'result 2', toolName: 'sandbox_exec' },
    ]);
  });

  it('Ollama server: a non-streamed answer carries the tool calls in its message', async () => {
    const server = await startOllamaServer({
      models: [{ name: 'coder:7b', size: 4e9 }],
      answers: [{ toolCalls: [{ name: 'run_tests', arguments: {} }] }],
    });
    closers.push(server.close);
    const answer = await new Ollama({ host: server.url }).chat({ model: 'coder:7b', messages: ask, stream: false });
    expect(answer.message.tool_calls).toEqual([{ function: { index: 0, name: 'run_tests', arguments: {} } }]);
    expect(answer.done).toBe(true);
  });

  it('OpenAI: the calls put together from streamed deltas (broken JSON kept as written), results sent back by call id', async () => {
    const server = await startOpenaiServer({
      answers: [
        {
          toolCalls: [
            { name: 'run_tests', arguments: { tests: ['tests/test_calc.py'] } },
            { name: 'run_tests', arguments: '{"tests": [' },
          ],
        },
        'Done.',
      ],
    });
    closers.push(server.close);
    const chat = openaiChat(server.url, undefined);

    const { first, second } = await chatTwice(chat, 'local-coder');

    expect(first.text).toBe('');
    expect(first.toolCalls).toEqual([
      { id: 'call_1', name: 'run_tests', arguments: '{"tests":["tests/test_calc.py"]}' },
      { id: 'call_2', name: 'run_tests', arguments: '{"tests": [' },
    ]);
    expect(second.text).toBe('Done.');
    expect(server.requests.map((request) => offeredTools(request.body))).toEqual([['run_tests'], ['run_tests']]);
    expect(server.requests[1]?.body.messages).toEqual([
      ...ask,
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'run_tests', arguments: '{"tests":["tests/test_calc.py"]}' },
          },
          { id: 'call_2', type: 'function', function: { name: 'run_tests', arguments: '{"tests": [' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: 'result 1' },
      { role: 'tool', tool_call_id: 'call_2', content: 'result 2' },
    ]);
    expect(server.toolResults).toEqual([
      { content: 'result 1', toolCallId: 'call_1' },
      { content: 'result 2', toolCallId: 'call_2' },
    ]);
  });

  it('OpenAI server: a non-streamed answer carries the tool calls and finish_reason tool_calls', async () => {
    const server = await startOpenaiServer({ answers: [{ toolCalls: [{ name: 'run_tests', arguments: {} }] }] });
    closers.push(server.close);
    const response = await fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'local-coder', messages: ask }),
    });
    const body = (await response.json()) as { choices: unknown[] };
    expect(body.choices[0]).toEqual({
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'run_tests', arguments: '{}' } }],
      },
      finish_reason: 'tool_calls',
    });
  });

  it('a chat offered no tools sends no tools field', async () => {
    const server = await startOpenaiServer({ answers: ['plain'] });
    closers.push(server.close);
    const answer = await openaiChat(
      server.url,
      undefined,
    )({
      model: 'local-coder',
      messages: ask,
      tools: [],
      signal: new AbortController().signal,
      onText: () => {},
    });
    expect(answer.text).toBe('plain');
    expect(server.requests[0]?.body).not.toHaveProperty('tools');
  });

  it('a flood of tool calls, or arguments past the bound, fails the chat instead of filling memory', async () => {
    const ollama = await startOllamaServer({
      models: [{ name: 'coder:7b', size: 4e9 }],
      answers: [{ toolCalls: Array.from({ length: 65 }, () => ({ name: 'run_tests', arguments: {} })) }],
    });
    closers.push(ollama.close);
    const openai = await startOpenaiServer({
      answers: [{ toolCalls: [{ name: 'sandbox_exec', arguments: { command: 'x'.repeat(200_001) } }] }],
    });
    closers.push(openai.close);
    const request = (model: string) => ({
      model,
      messages: ask,
      tools: [runTests],
      signal: new AbortController().signal,
      onText: () => {},
    });

    await expect(
      ollamaChat(new Ollama({ host: ollama.url }), ollama.url, async () => 8192)(request('coder:7b')),
    ).rejects.toThrow(/made more than 64 tool calls/);
    await expect(openaiChat(openai.url, undefined)(request('local-coder'))).rejects.toThrow(
      /passed 200000 characters of arguments/,
    );
  });
});

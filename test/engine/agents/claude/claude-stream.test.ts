// Claude Code's stream-json lines (as printed by claude 2.1) turned into activity, usage and errors.
import { describe, expect, it } from 'vitest';
import { claudeStreamParser } from '../../../../engine/agents/claude/claude-stream.js';

const line = (value: unknown): string => JSON.stringify(value);
const assistant = (content: unknown[]): string =>
  line({ type: 'assistant', message: { role: 'assistant', content }, session_id: 's1' });
const toolResult = (id: string, content: string, isError = false): string =>
  line({
    type: 'user',
    message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content, is_error: isError }] },
  });

describe('claudeStreamParser', () => {
  it('turns text, tool calls and successful edits into activity, and reads the result', () => {
    const parser = claudeStreamParser('/p');
    const activity = [
      line({
        type: 'system',
        subtype: 'init',
        cwd: '/p',
        session_id: 's1',
        tools: ['Read', 'Write'],
        model: 'claude-sonnet-4-5',
      }),
      assistant([
        { type: 'text', text: 'Reading first.' },
        { type: 'tool_use', id: 't1', name: 'Read', input: { file_path: '/p/calc.py' } },
      ]),
      toolResult('t1', '1\tdef add(a, b):'),
      assistant([{ type: 'tool_use', id: 't2', name: 'Write', input: { file_path: '/p/src/calc.py', content: 'x' } }]),
      toolResult('t2', 'The file /p/src/calc.py has been updated successfully.'),
      assistant([
        {
          type: 'tool_use',
          id: 't3',
          name: 'Edit',
          input: { file_path: '/etc/passwd', old_string: 'a', new_string: 'b' },
        },
      ]),
      toolResult(
        't3',
        '<tool_use_error>Claude requested permissions to edit /etc/passwd, but you have not granted it yet.</tool_use_error>',
        true,
      ),
      line({
        type: 'result',
        subtype: 'success',
        is_error: false,
        result: 'Done.',
        num_turns: 3,
        total_cost_usd: 0.0125,
        usage: { input_tokens: 100, cache_creation_input_tokens: 20, cache_read_input_tokens: 30, output_tokens: 40 },
      }),
    ].flatMap((text) => parser.line(text));
    expect(activity).toEqual([
      { kind: 'text', text: 'Reading first.' },
      { kind: 'tool', name: 'Read', detail: 'calc.py' },
      { kind: 'tool', name: 'Write', detail: 'src/calc.py' },
      { kind: 'edit', path: 'src/calc.py', action: 'write' },
      { kind: 'tool', name: 'Edit', detail: '/etc/passwd' },
      {
        kind: 'edit',
        path: '/etc/passwd',
        action: 'refused',
        reason: 'Claude requested permissions to edit /etc/passwd, but you have not granted it yet.',
      },
    ]);
    expect(parser.finish()).toEqual({ done: true, costUsd: 0.0125, inputTokens: 150, outputTokens: 40 });
  });

  it('reports an error result with its HTTP status, and the first line that is not JSON', () => {
    const parser = claudeStreamParser('/p');
    parser.line('Welcome to Claude Code!');
    parser.line(
      line({
        type: 'result',
        subtype: 'success',
        is_error: true,
        api_error_status: 429,
        result: 'API Error: Request rejected (429)',
        total_cost_usd: 0,
        usage: {},
      }),
    );
    expect(parser.finish()).toMatchObject({
      done: true,
      error: 'API Error: Request rejected (429) (HTTP 429)',
      garbage: 'Welcome to Claude Code!',
    });
  });

  it('names a result that ended on a limit by its subtype', () => {
    const parser = claudeStreamParser('/p');
    parser.line(
      line({
        type: 'result',
        subtype: 'error_max_budget_usd',
        is_error: true,
        total_cost_usd: 0.02,
        usage: { input_tokens: 5, output_tokens: 1 },
      }),
    );
    expect(parser.finish()).toMatchObject({ done: true, error: 'error_max_budget_usd', costUsd: 0.02 });
  });
});

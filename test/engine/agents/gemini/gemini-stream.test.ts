// Gemini CLI's stream-json lines (as printed by gemini 0.61) turned into activity, usage and errors.
import { describe, expect, it } from 'vitest';
import { geminiStreamParser } from '../../../../engine/agents/gemini/gemini-stream.js';

const line = (value: unknown): string =>
  JSON.stringify({ timestamp: '2026-01-01T00:00:00.000Z', ...(value as object) });

describe('geminiStreamParser', () => {
  it('turns assistant text, tool calls and edits into activity, and reads the token counts', () => {
    const parser = geminiStreamParser('/p');
    const activity = [
      line({ type: 'init', session_id: 's1', model: 'auto' }),
      line({ type: 'message', role: 'user', content: 'fix calc' }),
      line({ type: 'message', role: 'assistant', content: 'Fixing calc.py', delta: true }),
      line({
        type: 'tool_use',
        tool_name: 'write_file',
        tool_id: 'w1',
        parameters: { file_path: '/p/calc.py', content: 'x' },
      }),
      line({ type: 'tool_result', tool_id: 'w1', status: 'success' }),
      line({
        type: 'tool_use',
        tool_name: 'replace',
        tool_id: 'r1',
        parameters: { file_path: '/p/calc.py', old_string: 'a', new_string: 'b' },
      }),
      line({
        type: 'tool_result',
        tool_id: 'r1',
        status: 'error',
        error: { type: 'EDIT_NO_OCCURRENCE_FOUND', message: 'could not find the string to replace' },
      }),
      line({ type: 'tool_use', tool_name: 'run_shell_command', tool_id: 's1', parameters: { command: 'ls  -la' } }),
      line({ type: 'tool_result', tool_id: 's1', status: 'success', output: 'calc.py' }),
      line({ type: 'error', severity: 'warning', message: 'Loop detected, stopping execution' }),
      line({
        type: 'result',
        status: 'success',
        stats: {
          total_tokens: 2520,
          input_tokens: 2400,
          output_tokens: 120,
          cached: 0,
          duration_ms: 250,
          tool_calls: 3,
        },
      }),
    ].flatMap((text) => parser.line(text));
    expect(activity).toEqual([
      { kind: 'text', text: 'Fixing calc.py' },
      { kind: 'tool', name: 'write_file', detail: 'calc.py' },
      { kind: 'edit', path: 'calc.py', action: 'write' },
      { kind: 'tool', name: 'replace', detail: 'calc.py' },
      { kind: 'edit', path: 'calc.py', action: 'refused', reason: 'could not find the string to replace' },
      { kind: 'tool', name: 'run_shell_command', detail: 'ls -la' },
      { kind: 'text', text: 'warning: Loop detected, stopping execution' },
    ]);
    expect(parser.finish()).toEqual({ done: true, inputTokens: 2400, outputTokens: 120 });
  });

  it('reports an error result, and the first line that is not JSON', () => {
    const parser = geminiStreamParser('/p');
    parser.line('Warning: 256-color support not detected.');
    parser.line(
      line({
        type: 'result',
        status: 'error',
        error: { type: 'unknown', message: '[API Error: quota exceeded]' },
        stats: { input_tokens: 0, output_tokens: 0 },
      }),
    );
    expect(parser.finish()).toMatchObject({
      done: true,
      error: '[API Error: quota exceeded]',
      garbage: 'Warning: 256-color support not detected.',
    });
  });
});

// Reads `gemini -p --output-format stream-json`: assistant text, tool calls and their results (edits), warnings, and
// the final result with token counts.
import type { StreamOutcome, StreamParser } from '../cli/cli-engine.js';
import { projectPath, toolDetail } from '../cli/tool-detail.js';
import type { AgentActivity } from '../../contract/agent-activity.js';

/** Gemini CLI's tools that change files. */
const editTools = new Set(['write_file', 'replace']);

type GeminiEvent = {
  type?: string;
  role?: string;
  content?: string;
  tool_name?: string;
  tool_id?: string;
  parameters?: Record<string, unknown>;
  status?: string;
  error?: { type?: string; message?: string };
  severity?: string;
  message?: string;
  stats?: { input_tokens?: number; output_tokens?: number };
};

export function geminiStreamParser(projectDir: string): StreamParser {
  const pendingEdits = new Map<string, string>();
  const outcome: StreamOutcome = { done: false };

  const read = (event: GeminiEvent): AgentActivity[] => {
    switch (event.type) {
      case 'message':
        return event.role === 'assistant' && event.content ? [{ kind: 'text', text: event.content }] : [];
      case 'tool_use': {
        const name = event.tool_name ?? 'tool';
        const parameters = event.parameters ?? {};
        const file = editTools.has(name) ? projectPath(projectDir, parameters.file_path) : undefined;
        if (file && event.tool_id) pendingEdits.set(event.tool_id, file);
        return [{ kind: 'tool', name, detail: toolDetail(projectDir, parameters) }];
      }
      case 'tool_result': {
        const file = event.tool_id ? pendingEdits.get(event.tool_id) : undefined;
        if (!file) return [];
        pendingEdits.delete(event.tool_id as string);
        if (event.status === 'success') return [{ kind: 'edit', path: file, action: 'write' }];
        return [{ kind: 'edit', path: file, action: 'refused', reason: event.error?.message ?? 'refused by gemini' }];
      }
      case 'error':
        if (event.severity === 'error') outcome.error = event.message;
        return [{ kind: 'text', text: `${event.severity ?? 'error'}: ${event.message ?? ''}` }];
      case 'result':
        outcome.done = true;
        outcome.inputTokens = event.stats?.input_tokens;
        outcome.outputTokens = event.stats?.output_tokens;
        if (event.status !== 'success') outcome.error = event.error?.message?.trim() || `result status ${event.status}`;
        return [];
      default:
        return [];
    }
  };

  return {
    line(text) {
      if (!text.trim()) return [];
      try {
        return read(JSON.parse(text) as GeminiEvent);
      } catch {
        outcome.garbage ??= text.trim().slice(0, 200);
        return [];
      }
    },
    finish: () => outcome,
  };
}

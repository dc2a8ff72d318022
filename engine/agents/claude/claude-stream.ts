// Reads `claude -p --output-format stream-json --verbose`: assistant text and tool calls, tool results (edits), and the
// final result with cost and usage.
import type { StreamOutcome, StreamParser } from '../cli/cli-engine.js';
import { projectPath, toolDetail } from '../cli/tool-detail.js';
import type { AgentActivity } from '../../contract/agent-activity.js';

/** Claude Code's tools that change files, and the argument naming the file. */
const editTools: Record<string, string> = {
  Write: 'file_path',
  Edit: 'file_path',
  MultiEdit: 'file_path',
  NotebookEdit: 'notebook_path',
};

type Block = {
  type: string;
  text?: string;
  id?: string;
  name?: string;
  input?: Record<string, unknown>;
  tool_use_id?: string;
  is_error?: boolean;
  content?: unknown;
};
type ClaudeEvent = {
  type?: string;
  message?: { content?: Block[] | string };
  subtype?: string;
  is_error?: boolean;
  result?: string;
  api_error_status?: number | null;
  total_cost_usd?: number;
  usage?: {
    input_tokens?: number;
    output_tokens?: number;
    cache_creation_input_tokens?: number;
    cache_read_input_tokens?: number;
  };
};

export function claudeStreamParser(projectDir: string): StreamParser {
  const pendingEdits = new Map<string, string>();
  const outcome: StreamOutcome = { done: false };

  const block = (item: Block): AgentActivity[] => {
    if (item.type === 'text' && item.text?.trim()) return [{ kind: 'text', text: item.text }];
    if (item.type === 'tool_use' && item.name) {
      const input = item.input ?? {};
      const pathField = editTools[item.name];
      const file = pathField && projectPath(projectDir, input[pathField]);
      if (file && item.id) pendingEdits.set(item.id, file);
      return [{ kind: 'tool', name: item.name, detail: toolDetail(projectDir, input) }];
    }
    if (item.type === 'tool_result' && item.tool_use_id && pendingEdits.has(item.tool_use_id)) {
      const file = pendingEdits.get(item.tool_use_id) as string;
      pendingEdits.delete(item.tool_use_id);
      if (!item.is_error) return [{ kind: 'edit', path: file, action: 'write' }];
      return [{ kind: 'edit', path: file, action: 'refused', reason: resultText(item.content) }];
    }
    return [];
  };

  return {
    line(text) {
      if (!text.trim()) return [];
      let event: ClaudeEvent;
      try {
        event = JSON.parse(text) as ClaudeEvent;
      } catch {
        outcome.garbage ??= text.trim().slice(0, 200);
        return [];
      }
      if (event.type === 'result') {
        const usage = event.usage ?? {};
        outcome.done = true;
        outcome.costUsd = event.total_cost_usd;
        outcome.inputTokens =
          (usage.input_tokens ?? 0) + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0);
        outcome.outputTokens = usage.output_tokens;
        if (event.is_error || event.subtype !== 'success') {
          const status = event.api_error_status ? ` (HTTP ${event.api_error_status})` : '';
          outcome.error = `${event.result?.trim() || event.subtype || 'error'}${status}`;
        }
        return [];
      }
      const content = event.message?.content;
      if ((event.type === 'assistant' || event.type === 'user') && Array.isArray(content))
        return content.flatMap(block);
      return [];
    },
    finish: () => outcome,
  };
}

function resultText(content: unknown): string {
  const text =
    typeof content === 'string'
      ? content
      : Array.isArray(content)
        ? content.map((part: { text?: string }) => part.text ?? '').join(' ')
        : '';
  return (
    text
      .replace(/<\/?tool_use_error>/g, '')
      .trim()
      .slice(0, 300) || 'refused by claude'
  );
}

// What a worker is told about one of factory's tools, and what a call gives back: the shape MCP and chat APIs share.
import type { ToolName } from '../contract/tool-call.js';

export type ToolSpec = {
  name: ToolName;
  description: string;
  /** JSON Schema of the call's input (an object). */
  inputSchema: Record<string, unknown>;
};

export type ToolResult = { text: string; isError: boolean };

/** What one tool does once its input is checked: the text for the model, and what the event and report say. */
export type ToolRun = ToolResult & { exitCode: number | null; timedOut: boolean; output: string };

// What a worker is told about one of factory's tools, and what a call gives back: the shape MCP and chat APIs share.
export type ToolName = 'run_tests' | 'sandbox_exec';

export type ToolSpec = {
  name: ToolName;
  description: string;
  /** JSON Schema of the call's input (an object). */
  inputSchema: Record<string, unknown>;
};

export type ToolResult = { text: string; isError: boolean };

/** One call as the round report lists it. */
export type ToolCallRecord = {
  tool: string;
  /** The test ids or the command, as asked. */
  detail: string;
  exitCode: number | null;
  durationMs: number;
  timedOut: boolean;
  /** Why factory refused the call (cap, bad input, tool not offered); nothing ran. */
  refused?: string;
};

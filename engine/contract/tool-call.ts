// factory's own tools the worker may call, and one call as the round record and report list it.
export type ToolName = 'run_tests' | 'sandbox_exec';

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

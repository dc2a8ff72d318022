// What the generic CLI worker and supervisor need to know about one agent CLI: its command lines, its output formats,
// its hints.
import type { WorkerRequest } from '../agent.js';
import type { NoOsSandbox, OsSandbox } from '../../containment/os-sandbox.js';
import type { CallUsage } from '../../contract/usage.js';
import type { AgentActivity } from '../../contract/agent-activity.js';
import type { ToolName } from '../../contract/tool-call.js';

/** factory's MCP server ("factory") for one worker call: the command that starts it, and the tools it serves. */
export type ToolServer = { command: string; args: string[]; tools: readonly ToolName[] };

/** Reads one CLI's streamed output, a line at a time. */
export interface StreamParser {
  /** What the line showed the agent doing (empty for bookkeeping lines). */
  line(text: string): AgentActivity[];
  /** After the process ended: usage, and the error the CLI reported, if any. */
  finish(): StreamOutcome;
}

export type StreamOutcome = CallUsage & {
  /** The CLI's final result event was seen. */
  done: boolean;
  /** The error the CLI reported in its own output. */
  error?: string;
  /** The first line that was not the expected format. */
  garbage?: string;
};

/** The supervisor's answer read from the CLI's single JSON output. */
export type SupervisorAnswer = CallUsage & {
  text?: string;
  /** The error the CLI reported in its JSON. */
  error?: string;
  /** What it printed instead of JSON. */
  garbage?: string;
  /** Writes the CLI refused, as far as its answer names them. */
  refused?: { path: string; reason: string }[];
};

/** What the CLI itself must write outside the project (its login, settings, sessions), given the child's HOME. */
/** create: folders made when missing; ifPresent: files and folders bound only when they exist. */
export type OwnFolders = { create: string[]; ifPresent: string[] };

export type CliEngine = {
  readonly name: 'claude' | 'gemini';
  /** Command to run, found on PATH unless a path. */
  readonly binary: string;
  readonly installHint: string;
  /**
   * scratchDir: a private folder for files the command line points at; removed
   * after the run. tools: factory's MCP server, when the call has tools.
   */
  workerArgs(request: WorkerRequest, scratchDir: string, tools?: ToolServer): string[];
  /** What the call's environment needs for factory's MCP server; env: the environment the CLI would get. */
  toolsEnv?(scratchDir: string, tools: ToolServer, env: Record<string, string | undefined>): Record<string, string>;
  streamParser(projectDir: string): StreamParser;
  supervisorArgs(prompt: string, model: string, scratchDir: string): string[];
  /** projectDir: to name refused paths relative to it. */
  readAnswer(stdout: string, projectDir: string): SupervisorAnswer;
  ownFolders(home: string, env: Record<string, string | undefined>): OwnFolders;
  /** Adds what the user can do about an error the CLI reported (no key, rate limit). */
  explain(error: string): string;
};

/**
 * Per-run options every CLI engine takes: where the binary is, extra environment, the time limit, and the OS sandbox
 * (detected when not given).
 */
export type CliOptions = {
  binary?: string;
  env?: Record<string, string>;
  timeoutMs: number;
  osSandbox?: OsSandbox | NoOsSandbox;
  /**
   * The command that runs factory itself (its `mcp-server` serves
   * the worker's tools); default: this package's bin/factory.js.
   */
  factoryCommand?: readonly string[];
};

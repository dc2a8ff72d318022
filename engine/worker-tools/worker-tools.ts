// factory's tools for one worker call: the task's tests and, with the Docker sandbox, a shell in the run's container.
// Calls run one at a time, each an event, at most MAX_TOOL_CALLS per round; a stop-now, or the end of the worker call,
// kills the one running.
import * as z from 'zod';
import type { EventPayload } from '../contract/events.js';
import type { Sandbox } from '../sandbox/sandbox.js';
import { tail } from '../util/capped-text.js';
import { errorMessage } from '../util/errors.js';
import { inputProblem, runTestsInput, sandboxExecInput } from './tool-inputs.js';
import type { ToolResult, ToolRun, ToolSpec } from './tool-spec.js';
import { runTestsTool, testCommandFor } from './run-tests-tool.js';
import { sandboxExecTool } from './sandbox-exec-tool.js';
import type { ToolCallRecord, ToolName } from '../contract/tool-call.js';

type ToolEmit = <T extends 'tool:started' | 'tool:finished'>(type: T, payload: EventPayload<T>) => void;

export type WorkerToolsOptions = {
  sandbox: Sandbox;
  /** The project on the host. */
  projectDir: string;
  testCommand: string;
  /** The task's own tests (ids or patterns), named to the worker; empty: the whole suite is the task's. */
  taskTests: readonly string[];
  testTimeoutSeconds: number;
  maxCalls: number;
  emit: ToolEmit;
  /** The worker call's signal: aborting it kills the running call and refuses the next. */
  signal: AbortSignal;
};

/** Kept in the tool:finished event and the report: enough to see what happened, bounded for runaway output. */
const eventOutputCap = 2000;

export class WorkerTools {
  private readonly records: ToolCallRecord[] = [];
  private calls = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly ended = new AbortController();
  /** The worker call's signal, or the end of the call: either kills the running call. */
  private readonly signal: AbortSignal;

  constructor(private readonly options: WorkerToolsOptions) {
    this.signal = AbortSignal.any([options.signal, this.ended.signal]);
  }

  /** sandbox_exec only where commands run in a container: with SANDBOX=local it would run them on the host. */
  get names(): ToolName[] {
    return this.options.sandbox.kind === 'docker' ? ['run_tests', 'sandbox_exec'] : ['run_tests'];
  }

  specs(): ToolSpec[] {
    const { taskTests, testCommand, testTimeoutSeconds } = this.options;
    const own = taskTests.length > 0 ? `The task's tests: ${taskTests.join(', ')}.` : "All tests are the task's.";
    const specs: Record<ToolName, ToolSpec> = {
      run_tests: {
        name: 'run_tests',
        description:
          `Runs the project's tests (${testCommand}) in factory's sandbox and returns the exit code, ` +
          'the pass/fail counts and the failures. Give test ids or test files to run only those. ' +
          `${own} Killed after ${testTimeoutSeconds} s.`,
        inputSchema: jsonSchema(runTestsInput),
      },
      sandbox_exec: {
        name: 'sandbox_exec',
        description:
          "Runs one shell command inside factory's sandbox container, in /app (the project), as your user, " +
          `with no network; killed after ${testTimeoutSeconds} s; output capped. ` +
          'Use it to run the program, a linter or a quick check.',
        inputSchema: jsonSchema(sandboxExecInput),
      },
    };
    return this.names.map((name) => specs[name]);
  }

  /** Every call the round made, refused ones included. */
  get history(): readonly ToolCallRecord[] {
    return this.records;
  }

  /**
   * The worker call is over (done, failed or timed out): a call it left running is killed and any later one refused.
   * Resolves once the running call is gone, so that factory's own test run never overlaps it.
   */
  async end(): Promise<void> {
    this.ended.abort();
    await this.queue;
  }

  call(name: string, input: unknown): Promise<ToolResult> {
    const next = this.queue.then(() => this.callNow(name, input));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async callNow(name: string, input: unknown): Promise<ToolResult> {
    const call = ++this.calls;
    const detail = describe(name, input);
    const refuse = (why: string): ToolResult => {
      this.finish(call, name, detail, { exitCode: null, durationMs: 0, timedOut: false, output: '', refused: why });
      return { text: `refused: ${why}`, isError: true };
    };
    if (this.options.signal.aborted) return refuse('the run is stopping');
    if (this.ended.signal.aborted) return refuse('the worker call is over');
    if (call > this.options.maxCalls)
      return refuse(
        `MAX_TOOL_CALLS (${this.options.maxCalls}) reached for this round: no more tool calls; ` +
          'finish your change (factory runs the tests after you)',
      );
    if (!(this.names as string[]).includes(name))
      return refuse(
        name === 'sandbox_exec'
          ? 'sandbox_exec is not offered with SANDBOX=local (it would run on the host, not in a container)'
          : `no tool named ${name}; the tools are ${this.names.join(', ')}`,
      );
    const planned = this.plan(name as ToolName, input);
    if ('refused' in planned) return refuse(planned.refused);
    this.options.emit('tool:started', { call, tool: name, detail });
    const started = Date.now();
    const run = await planned.run().catch((error: unknown) => ({
      refused: `the sandbox failed: ${errorMessage(error)}`,
    }));
    if ('refused' in run) return refuse(run.refused);
    const durationMs = Date.now() - started;
    this.finish(call, name, detail, { ...run, durationMs, output: tail(run.output, eventOutputCap) });
    return { text: run.text, isError: run.isError };
  }

  /** The input checked and the command made, or why the call is refused: nothing has run yet. */
  private plan(name: ToolName, input: unknown): { run: () => Promise<ToolRun> } | { refused: string } {
    const { sandbox, projectDir, testCommand, testTimeoutSeconds } = this.options;
    const signal = this.signal;
    if (name === 'sandbox_exec') {
      const parsed = sandboxExecInput.safeParse(input ?? {});
      if (!parsed.success) return { refused: inputProblem(parsed.error) };
      return { run: () => sandboxExecTool(sandbox, parsed.data.command, testTimeoutSeconds * 1000, signal) };
    }
    const parsed = runTestsInput.safeParse(input ?? {});
    if (!parsed.success) return { refused: inputProblem(parsed.error) };
    const made = testCommandFor(projectDir, testCommand, parsed.data.tests ?? []);
    if ('refused' in made) return made;
    const call = { sandbox, projectDir, command: made.command, timeoutSeconds: testTimeoutSeconds, signal };
    return { run: () => runTestsTool(call) };
  }

  private finish(
    call: number,
    tool: string,
    detail: string,
    result: Omit<EventPayload<'tool:finished'>, 'call' | 'tool' | 'detail'>,
  ): void {
    this.records.push({
      tool,
      detail,
      exitCode: result.exitCode,
      durationMs: result.durationMs,
      timedOut: result.timedOut,
      refused: result.refused,
    });
    this.options.emit('tool:finished', { call, tool, detail, ...result });
  }
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;
  return rest;
}

/** What the call asked for, in one short line: the tests, or the command. */
function describe(name: string, input: unknown): string {
  const value = input as { tests?: unknown; command?: unknown } | undefined;
  if (name === 'run_tests')
    return Array.isArray(value?.tests) && value.tests.length > 0 ? value.tests.map(String).join(' ') : 'all tests';
  const text = typeof value?.command === 'string' ? value.command : JSON.stringify(input ?? null);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

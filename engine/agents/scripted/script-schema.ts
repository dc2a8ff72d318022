// The scripted engine's file format: per role, the calls to replay in order (see README, "Scripted engine").
import fs from 'node:fs';
import * as z from 'zod';
import { UserError } from '../../util/errors.js';

const workerCall = z.strictObject({
  /** Text streamed as the worker's output, a line per entry. */
  say: z.union([z.string(), z.array(z.string())]).optional(),
  /** Files to write, path -> content; "{{round}}" and "{{call}}" are replaced. */
  write: z.record(z.string(), z.string()).optional(),
  delete: z.array(z.string()).optional(),
  /**
   * Shell commands run in the project folder after the edits, as a CLI agent's shell tool would: they bypass the edit
   * checks.
   */
  run: z.array(z.string()).optional(),
  /** Pause before each line of `say`, to look like a streaming model. */
  delayMs: z.number().int().min(0).max(60_000).optional(),
  costUsd: z.number().min(0).optional(),
  inputTokens: z.number().int().min(0).optional(),
  outputTokens: z.number().int().min(0).optional(),
  /** Make the call fail with this message, as an engine error would. */
  fail: z.string().optional(),
});

/**
 * What a planning or supervising call may try besides answering: writes (refused: those roles only read) and commands.
 */
const sideEffects = {
  write: z.record(z.string(), z.string()).optional(),
  run: z.array(z.string()).optional(),
};

const verdict = z.strictObject({
  decision: z.enum(['CONTINUE', 'REDIRECT', 'INTERVENE', 'ESCALATE']),
  reason: z.string().default(''),
  instructions: z.string().default(''),
  ...sideEffects,
});

const planAnswer = z.union([z.string(), z.record(z.string(), z.unknown())]);

/** An architect call that may also try to change the project; `answer` is the plan (JSON text or an object). */
const architectCall = z.strictObject({
  answer: z.union([z.string(), z.record(z.string(), z.unknown())]),
  ...sideEffects,
  /** Pause before answering, as a model takes its time to plan. */
  delayMs: z.number().int().min(0).max(60_000).optional(),
});

/**
 * A local model the recorded run loads: its role, its name and sizes as Ollama lists them, how long it takes to load.
 */
const recordedModel = z.strictObject({
  role: z.enum(['architect', 'reviewer', 'coder', 'supervisor']),
  name: z.string().min(1),
  size: z.number().int().min(0),
  sizeVram: z.number().int().min(0).optional(),
  contextLength: z.number().int().min(1).optional(),
  loadMs: z.number().int().min(0).max(60_000).default(1500),
});

export const scriptSchema = z.strictObject({
  worker: z.array(workerCall).default([]),
  /**
   * Production lines: a task's own worker calls, by task number; call N plays in the task's round N, whatever the
   * other lines do (tasks not listed play `worker` by the run's round).
   */
  workerByTask: z.record(z.string().regex(/^[1-9]\d*$/, 'a task number'), z.array(workerCall)).default({}),
  /** After the last worker call: "idle" does nothing, "repeat" replays the calls from the start. */
  afterLast: z.enum(['idle', 'repeat']).default('idle'),
  supervisor: z.array(verdict).default([]),
  /** The architect's answers to plan prompts, in order: JSON text, an object sent as its JSON, { plan, costUsd }, or an
   * architect call that also tries to change the project. */
  architect: z
    .array(
      z.union([
        z.string(),
        z.strictObject({ plan: planAnswer, costUsd: z.number().min(0) }),
        architectCall,
        z.record(z.string(), z.unknown()),
      ]),
    )
    .default([]),
  /** The reviewer's calls (it writes the tests), in order; same shape as worker calls. */
  reviewer: z.array(workerCall).default([]),
  /** Local models to play the roles on a recorded Ollama server: loaded and unloaded as a live one would (the demo). */
  models: z.array(recordedModel).default([]),
});

export type Script = z.infer<typeof scriptSchema>;
export type WorkerCall = z.infer<typeof workerCall>;
export type RecordedModel = z.infer<typeof recordedModel>;
export type SideEffects = { write?: Record<string, string>; run?: string[] };

export function loadScript(file: string): Script {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : `not valid JSON (${(error as Error).message})`;
    throw new UserError(`scripted engine: ${file} is ${reason}; set SCRIPT= to the script's path`);
  }
  const parsed = scriptSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`);
    throw new UserError(`scripted engine: ${file} does not match the script format:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

// The one definition of what the outside world can ask of a running engine: the schema that checks a command
// arriving from outside (a dashboard's line on the attach channel) and, inferred from it, the type the code uses.
import * as z from 'zod';

const lineTask = z.number().int().positive().optional();

export const commandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({ type: z.literal('resume') }),
  /** task: with production lines, the line it is for (the one the dashboard has selected); absent: the first. */
  z.strictObject({ type: z.literal('redirect'), text: z.string().min(1).max(20_000), task: lineTask }),
  z.strictObject({ type: z.literal('escalate'), reason: z.string().max(2_000).optional(), task: lineTask }),
  z.strictObject({ type: z.literal('intervene'), task: lineTask }),
  z.strictObject({ type: z.literal('skip'), task: lineTask }),
  /** now: abort the current step instead of letting it finish. */
  z.strictObject({ type: z.literal('stop'), now: z.boolean().optional() }),
  /** Change a limit from the next round (live keys of factory_config.md only). */
  z.strictObject({ type: z.literal('set'), key: z.string().min(1).max(100), value: z.string().max(2_000) }),
  /** Lifts the lock of a test file (path relative to the project) from the next round on. */
  z.strictObject({ type: z.literal('unlock'), path: z.string().min(1).max(4_096) }),
]);

export type EngineCommand = z.infer<typeof commandSchema>;

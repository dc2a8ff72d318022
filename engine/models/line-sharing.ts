// How production lines share a role's one resident local model: as many calls at once as copies of its working
// memory fit beside the other resident models in the budget (and the server's OLLAMA_NUM_PARALLEL, when factory
// sees it), the rest queued; the answer says why, for the model:lines event.
import type { Role } from '../contract/roles.js';
import { residentRoles, sameModel } from './roles.js';
import type { VramTotal } from './vram-total.js';

const gb = (bytes: number): string => `${(bytes / 1e9).toFixed(1)} GB`;

export type LineSharingInput = {
  model: string;
  role: Role;
  lines: number;
  roles: ReadonlyMap<Role, string>;
  sizeOf: (model: string) => number | undefined;
  memory?: VramTotal;
  /** The server's OLLAMA_NUM_PARALLEL when factory's environment has it (the server on this machine). */
  serverParallel?: number;
};

export function lineSharing(input: LineSharingInput): { atOnce: number; why: string } {
  const { model, lines, memory } = input;
  const serverParallel = input.serverParallel ?? parallelSetting(process.env.OLLAMA_NUM_PARALLEL);
  const size = input.sizeOf(model);
  const server =
    serverParallel === undefined
      ? "up to the server's OLLAMA_NUM_PARALLEL"
      : `the server's OLLAMA_NUM_PARALLEL=${serverParallel}`;
  let fit = lines;
  let budget = 'no memory budget known (VRAM_BUDGET_GB)';
  if (size !== undefined && memory) {
    const others = [...new Set(residentRoles.map((role) => input.roles.get(role)))].filter(
      (other): other is string => other !== undefined && !sameModel(other, model),
    );
    const beside = others.reduce((sum, other) => sum + (input.sizeOf(other) ?? 0), 0);
    fit = Math.max(1, Math.floor((memory.bytes - beside) / size));
    const besideText = beside > 0 ? ` beside ${gb(beside)} of other resident models` : '';
    budget = `${lines} x ${gb(size)} = ${gb(lines * size)}${besideText} against ${gb(memory.bytes)} (${memory.source})`;
  }
  const atOnce = Math.max(1, Math.min(lines, fit, serverParallel ?? lines));
  if (atOnce >= lines) return { atOnce, why: `${lines} calls side by side (${budget}; ${server})` };
  const limit = fit < lines ? budget : server;
  const queued = atOnce === 1 ? 'one call at a time' : `${atOnce} calls at a time`;
  return { atOnce, why: `a queue, ${queued}: the lines' calls do not fit side by side (${limit})` };
}

function parallelSetting(value: string | undefined): number | undefined {
  const parsed = Number(value);
  return value && Number.isInteger(parsed) && parsed > 0 ? parsed : undefined;
}

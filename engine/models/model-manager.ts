// Loads each local role's model before its step and unloads the architect
// after the plan, watching /api/ps; refuses up front what cannot fit.
import type { ChatRequest, ChatResponse, ModelResponse, Ollama } from 'ollama';
import type { NumCtx } from '../agents/ollama/context-window.js';
import { ollamaProblem } from '../agents/ollama/ollama-problem.js';
import type { EventPayload } from '../contract/events.js';
import { UserError } from '../util/errors.js';
import { pullModel } from './pull-model.js';
import { sameModel } from './roles.js';
import { budgetProblem } from './vram-budget.js';
import { type VramTotal, vramTotal } from './vram-total.js';
import { lineSharing } from './line-sharing.js';
import type { Role } from '../contract/roles.js';

export type ModelSay = <T extends 'model:state' | 'model:pull' | 'model:lines'>(
  type: T,
  payload: EventPayload<T>,
) => void;

/** What the engine, the loop and the plan/test phases may ask of the models. */
export interface ModelControl {
  attach(say: ModelSay): void;
  /** Before the run: every role's model present (pulled when allowed) and the set within the budget. */
  start(): Promise<void>;
  prepareRole(role: Role): Promise<void>;
  releaseRole(role: Role): Promise<void>;
  /** Production lines: how many of `lines` lines' calls the role's model takes at once (said in model:lines). */
  shareAmong(role: Role, lines: number): Promise<number>;
}

/** What the manager asks of an Ollama server: the `ollama` client, or a recorded one (the demo). */
export type ModelServer = Pick<Ollama, 'list' | 'ps' | 'pull' | 'show'> & {
  chat(request: ChatRequest & { stream?: false }): Promise<ChatResponse>;
};

export type ModelManagerOptions = {
  client: ModelServer;
  host: string;
  numCtx: NumCtx;
  roles: ReadonlyMap<Role, string>;
  budgetGb?: number;
  pull: boolean;
  pollMs?: number;
  settleMs?: number;
};

export class ModelManager implements ModelControl {
  private say: ModelSay = () => undefined;
  private readonly prepared = new Set<Role>();
  private total?: Promise<VramTotal | undefined>;
  /** Without a known total: the memory of the models /api/ps last listed (what Ollama reports). */
  private reported?: VramTotal;

  constructor(private readonly options: ModelManagerOptions) {}

  attach(say: ModelSay): void {
    this.say = say;
  }

  async start(): Promise<void> {
    const { client, host, roles } = this.options;
    let listed = await this.call(() => client.list());
    this.checkBudget(listed.models);
    for (const [role, model] of roles) {
      if (listed.models.some((entry) => sameModel(entry.name, model))) continue;
      if (!this.options.pull)
        throw new UserError(
          `the ${role}'s model "${model}" is not on the Ollama server at ${host}: run \`ollama pull ${model}\`, ` +
            'set OLLAMA_PULL=true, or pick a model it has ' +
            `(${listed.models.map((entry) => entry.name).join(', ') || 'none'})`,
        );
      await pullModel(client, host, model, (progress) => this.say('model:pull', { ...progress, role }));
      listed = await this.call(() => client.list(), model);
    }
    this.checkBudget(listed.models);
  }

  async prepareRole(role: Role): Promise<void> {
    const model = this.options.roles.get(role);
    if (!model) return;
    this.prepared.add(role);
    await this.sayState(model, role, 'loading');
    const options = { num_ctx: await this.options.numCtx(model) };
    await this.call(() => this.options.client.chat({ model, messages: [], keep_alive: -1, options }), model);
    const running = await this.waitInPs(model, true);
    await this.sayState(model, role, 'loaded', { sizeVram: running?.size_vram, size: running?.size });
  }

  async releaseRole(role: Role): Promise<void> {
    const model = this.options.roles.get(role);
    this.prepared.delete(role);
    if (!model || [...this.prepared].some((other) => sameModel(this.options.roles.get(other) ?? '', model))) return;
    await this.sayState(model, role, 'unloading');
    await this.call(() => this.options.client.chat({ model, messages: [], keep_alive: 0 }), model);
    if (await this.waitInPs(model, false))
      throw new Error(
        `model "${model}" is still loaded on ${this.options.host} after it was asked to unload (keep_alive 0)`,
      );
    await this.sayState(model, role, 'unloaded');
  }

  async shareAmong(role: Role, lines: number): Promise<number> {
    const model = this.options.roles.get(role);
    if (!model) return lines;
    const listed = (await this.call(() => this.options.client.list(), model)).models;
    const sizeOf = (name: string): number | undefined => listed.find((entry) => sameModel(entry.name, name))?.size;
    this.total ??= vramTotal({ budgetGb: this.options.budgetGb, host: this.options.host });
    const memory = await this.total;
    const { atOnce, why } = lineSharing({ model, role, lines, roles: this.options.roles, sizeOf, memory });
    this.say('model:lines', { model, role, lines, atOnce, why });
    return atOnce;
  }

  private async sayState(
    model: string,
    role: Role,
    state: EventPayload<'model:state'>['state'],
    sizes: { sizeVram?: number; size?: number } = {},
  ): Promise<void> {
    this.total ??= vramTotal({ budgetGb: this.options.budgetGb, host: this.options.host });
    const memory = (await this.total) ?? this.reported;
    this.say('model:state', { model, role, state, ...sizes, vramTotal: memory?.bytes, vramSource: memory?.source });
  }

  private checkBudget(models: ModelResponse[]): void {
    if (this.options.budgetGb === undefined) return;
    const sizeOf = (model: string): number | undefined => models.find((entry) => sameModel(entry.name, model))?.size;
    const problem = budgetProblem(this.options.roles, sizeOf, this.options.budgetGb);
    if (problem) throw new UserError(problem);
  }

  /** Polls /api/ps until the model is (or is no longer) running; returns its entry if it is still there at the end. */
  private async waitInPs(model: string, present: boolean): Promise<ModelResponse | undefined> {
    const deadline = Date.now() + (this.options.settleMs ?? 30_000);
    for (;;) {
      const listed = (await this.call(() => this.options.client.ps(), model)).models;
      const size = listed.reduce((sum, entry) => sum + entry.size, 0);
      this.reported = size > 0 ? { bytes: size, source: 'ollama ps' } : this.reported;
      const running = listed.find((entry) => sameModel(entry.name, model));
      if (Boolean(running) === present || Date.now() > deadline) return running;
      await new Promise((resolve) => setTimeout(resolve, this.options.pollMs ?? 250));
    }
  }

  private async call<T>(request: () => Promise<T>, model = ''): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw ollamaProblem(error, this.options.host, model);
    }
  }
}

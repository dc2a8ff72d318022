// Production lines on the openai engine: the one OpenAI-compatible server (often a local llama.cpp, vLLM or LM Studio
// serving one model) takes OPENAI_PARALLEL calls at once, the lines' other calls wait in the queue (call-queue.ts).
// factory neither loads nor unloads the server's model: only the sharing is decided here, and said in model:lines;
// the roles on Ollama (SUPERVISOR=ollama) are the model manager's, which this passes everything else on to.
import type { Role } from '../contract/roles.js';
import type { ModelControl, ModelSay } from './model-manager.js';

export type OpenaiSharingOptions = { model: string; baseUrl: string; parallel: number };

export class OpenaiSharing implements ModelControl {
  private say: ModelSay = () => undefined;

  constructor(
    private readonly options: OpenaiSharingOptions,
    private readonly ollama?: ModelControl,
  ) {}

  attach(say: ModelSay): void {
    this.say = say;
    this.ollama?.attach(say);
  }

  async start(): Promise<void> {
    await this.ollama?.start();
  }

  async prepareRole(role: Role): Promise<void> {
    await this.ollama?.prepareRole(role);
  }

  async releaseRole(role: Role): Promise<void> {
    await this.ollama?.releaseRole(role);
  }

  async shareAmong(role: Role, lines: number): Promise<number> {
    if (role !== 'coder' && this.ollama) return this.ollama.shareAmong(role, lines);
    const { model, baseUrl, parallel } = this.options;
    const atOnce = Math.max(1, Math.min(lines, parallel));
    const setting = `OPENAI_PARALLEL=${parallel} for the server at ${baseUrl}`;
    const queued = atOnce === 1 ? 'one call at a time' : `${atOnce} calls at a time`;
    const why = atOnce >= lines ? `${lines} calls side by side (${setting})` : `a queue, ${queued}: ${setting}`;
    this.say('model:lines', { model, role, lines, atOnce, why });
    return atOnce;
  }
}

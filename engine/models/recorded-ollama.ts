// An Ollama server played back in memory for a recorded run (the demo): it lists the script's models, loads one when a
// chat with no messages keeps it alive and unloads it on keep_alive 0, taking its recorded time; /api/ps reports them.
// The model manager drives it exactly as it drives a live server, so the model events are the same.
import type { ChatRequest, ChatResponse, ListResponse, ModelResponse, ShowResponse } from 'ollama';
import type { RecordedModel } from '../agents/scripted/script-schema.js';
import { UserError } from '../util/errors.js';
import type { ModelServer } from './model-manager.js';
import { sameModel } from './roles.js';

const details = {
  parent_model: '',
  format: 'gguf',
  family: 'qwen2',
  families: ['qwen2'],
  parameter_size: '',
  quantization_level: 'Q4_K_M',
};

export class RecordedOllama implements ModelServer {
  private readonly loaded = new Set<string>();

  constructor(private readonly models: readonly RecordedModel[]) {}

  async list(): Promise<ListResponse> {
    return { models: this.models.map((model) => this.entry(model)) };
  }

  async ps(): Promise<ListResponse> {
    return { models: this.models.filter((model) => this.loaded.has(model.name)).map((model) => this.entry(model)) };
  }

  async show({ model }: { model: string }): Promise<ShowResponse> {
    const found = this.find(model);
    const info = { 'general.architecture': 'qwen2', 'qwen2.context_length': found.contextLength ?? 32768 };
    return { model_info: info, details, modelfile: `FROM ${found.name}` } as unknown as ShowResponse;
  }

  /** Loads and unloads only: in a recorded run the scripted agents do the talking. */
  async chat(request: ChatRequest & { stream?: false }): Promise<ChatResponse> {
    const model = this.find(request.model);
    if ((request.messages ?? []).length > 0)
      throw new UserError(
        `the recorded Ollama server only loads and unloads models (asked to chat with ${model.name})`,
      );
    await new Promise((resolve) => setTimeout(resolve, model.loadMs));
    const unload = request.keep_alive === 0;
    if (unload) this.loaded.delete(model.name);
    else this.loaded.add(model.name);
    return {
      model: model.name,
      created_at: new Date(),
      message: { role: 'assistant', content: '' },
      done: true,
      done_reason: unload ? 'unload' : 'load',
    } as ChatResponse;
  }

  async pull(): Promise<never> {
    throw new UserError('the recorded Ollama server has only the models its script lists');
  }

  private find(name: string): RecordedModel {
    const found = this.models.find((model) => sameModel(model.name, name));
    if (!found) throw new UserError(`the recorded Ollama server has no model "${name}"`);
    return found;
  }

  private entry(model: RecordedModel): ModelResponse {
    return {
      name: model.name,
      model: model.name,
      modified_at: new Date(0),
      size: model.size,
      digest: '',
      details,
      expires_at: new Date(8.64e15),
      size_vram: model.sizeVram ?? model.size,
    };
  }
}

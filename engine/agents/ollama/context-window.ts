// Picks each model's num_ctx once, from /api/show: Ollama's small default window cuts long prompts silently, and a
// changed num_ctx reloads the model.
import type { Ollama } from 'ollama';

export type NumCtx = (model: string) => Promise<number>;

/** The model's own context length, capped by OLLAMA_NUM_CTX; the cap alone when the server cannot say. */
export function contextWindows(client: Pick<Ollama, 'show'>, cap: number): NumCtx {
  const known = new Map<string, Promise<number>>();
  return (model) => {
    let window = known.get(model);
    if (!window) {
      window = client.show({ model }).then(
        (shown) => {
          const info = (shown.model_info ?? {}) as unknown as Record<string, unknown>;
          const length = Object.entries(info).find(([key]) => key.endsWith('.context_length'))?.[1];
          return typeof length === 'number' && length > 0 ? Math.min(length, cap) : cap;
        },
        () => cap,
      );
      known.set(model, window);
    }
    return window;
  };
}

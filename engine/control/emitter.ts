// Fans events out to listeners; a listener that throws is logged to stderr and never breaks the loop.
import type { FactoryEvent, Listener } from '../contract/events.js';

export class Emitter {
  private readonly listeners = new Set<Listener>();

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: FactoryEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        process.stderr.write(`factory: an event listener failed on ${event.type}: ${(error as Error).message}\n`);
      }
    }
  }
}

// The events a late dashboard is sent first: every event, but only the newest streamed lines (the full text is on
// disk).
import type { FactoryEvent } from '../events.js';

const streamed = new Set<FactoryEvent['type']>(['agent:chunk', 'tests:output']);

export class EventHistory {
  private events: FactoryEvent[] = [];
  private streamedCount = 0;

  /** keepStreamed: how many streamed events to keep; older ones are dropped in batches. */
  constructor(private readonly keepStreamed = 2_000) {}

  add(event: FactoryEvent): void {
    this.events.push(event);
    if (!streamed.has(event.type)) return;
    this.streamedCount++;
    if (this.streamedCount > this.keepStreamed * 2) this.compact();
  }

  all(): readonly FactoryEvent[] {
    return this.events;
  }

  private compact(): void {
    let drop = this.streamedCount - this.keepStreamed;
    this.events = this.events.filter((event) => !(streamed.has(event.type) && drop-- > 0));
    this.streamedCount = this.keepStreamed;
  }
}

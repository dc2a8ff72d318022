// Picks the events of one type out of a recorded run, typed.
import type { FactoryEvent, FactoryEventOf, FactoryEventType } from '../../engine/events.js';

export function eventsOf<T extends FactoryEventType>(events: FactoryEvent[], type: T): FactoryEventOf<T>[] {
  return events.filter((event) => event.type === type) as FactoryEventOf<T>[];
}

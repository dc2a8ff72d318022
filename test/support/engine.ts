// Starts the real engine in-process on a test project, for tests that steer it with commands.
import path from 'node:path';
import { createAgents } from '../../engine/agents/create-agents.js';
import { loadConfig } from '../../engine/config/load-config.js';
import { createEngine, type FactoryEngine } from '../../engine/engine.js';
import type { FactoryEvent, FactoryEventOf } from '../../engine/contract/events.js';
import { confinedSandbox } from './confined-sandbox.js';

export function engineFor(
  dir: string,
  flags: Record<string, string> = {},
): { engine: FactoryEngine; events: FactoryEvent[] } {
  const config = loadConfig(dir, { flags });
  const engine = createEngine({
    projectDir: path.resolve(dir),
    config,
    ...createAgents(dir, config),
    sandbox: confinedSandbox(dir),
  });
  const events: FactoryEvent[] = [];
  engine.on((event) => events.push(event));
  return { engine, events };
}

/** The events of one type, typed. */
export function ofType<T extends FactoryEvent['type']>(events: FactoryEvent[], type: T): FactoryEventOf<T>[] {
  return events.filter((event) => event.type === type) as FactoryEventOf<T>[];
}

/** Resolves with the first event that matches. */
export function nextEvent(engine: FactoryEngine, match: (event: FactoryEvent) => boolean): Promise<FactoryEvent> {
  return new Promise((resolve) => {
    const off = engine.on((event) => {
      if (!match(event)) return;
      off();
      resolve(event);
    });
  });
}

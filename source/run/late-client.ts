// An attach client usable before the run answers, so the dashboard draws at once while the engine starts.
import type { AttachClient } from '../../engine/attach/attach-client.js';
import type { EngineCommand } from '../../engine/contract/commands.js';
import type { Listener } from '../../engine/contract/events.js';

export function lateClient(connecting: Promise<AttachClient>): AttachClient {
  let real: AttachClient | undefined;
  let closing = false;
  const listeners = new Map<Listener, (() => void) | undefined>();
  const queued: EngineCommand[] = [];
  const ready = connecting.then((client) => {
    real = client;
    for (const listener of listeners.keys()) listeners.set(listener, client.on(listener));
    for (const command of queued.splice(0)) client.send(command);
    if (closing) client.close();
    return client;
  });
  return {
    on(listener) {
      listeners.set(listener, real?.on(listener));
      return () => {
        listeners.get(listener)?.();
        listeners.delete(listener);
      };
    },
    send(command) {
      if (real) real.send(command);
      else queued.push(command);
    },
    close() {
      closing = true;
      real?.close();
    },
    // A run that never started has nothing more to say either.
    closed: ready.then(
      (client) => client.closed,
      () => undefined,
    ),
  };
}

// Starts `factory run --json` in a project and SIGKILLs it at the first event that matches (resume tests).
import { execa } from 'execa';
import type { FactoryEvent } from '../../engine/events.js';
import { factoryBin, parseEvents, testHome } from './cli.js';

/** match sees every event so far (the last is the newest), so a kill point can need several things to have happened. */
export async function killAt(
  dir: string,
  match: (event: FactoryEvent, seen: FactoryEvent[]) => boolean,
): Promise<FactoryEvent> {
  const child = execa('node', [factoryBin, 'run', '--json'], {
    cwd: dir,
    reject: false,
    env: { FACTORY_HOME: testHome },
  });
  let buffer = '';
  const seen: FactoryEvent[] = [];
  const hit = new Promise<FactoryEvent>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const event of parseEvents(lines.join('\n'))) {
        seen.push(event);
        if (!match(event, seen)) continue;
        child.kill('SIGKILL');
        resolve(event);
      }
    });
    void child.then(() => reject(new Error('the run ended before the kill point')));
  });
  const event = await hit;
  await child;
  return event;
}

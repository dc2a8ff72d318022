// `factory run`: the loop without the dashboard, serving the attach socket; Ctrl-C once stops after the current step, twice stops now.
import path from 'node:path';
import { serveAttach } from '../../engine/attach/attach-server.js';
import { formatEvent } from '../run/print-event.js';
import type { RunOptions } from '../run/run-options.js';
import { startEngine } from '../run/start-engine.js';

export async function runCommand(options: RunOptions & { json?: boolean; verbose?: boolean }): Promise<void> {
  const engine = await startEngine(options, (line) => process.stderr.write(`factory: ${line}\n`));
  engine.on((event) => {
    if (options.json) return void process.stdout.write(`${JSON.stringify(event)}\n`);
    const line = formatEvent(event, options.verbose ?? false);
    if (line !== undefined) process.stdout.write(`${line}\n`);
  });
  let interrupts = 0;
  const onInterrupt = (): void => {
    interrupts++;
    engine.send({ type: 'stop', now: interrupts > 1 });
    if (interrupts === 1) process.stderr.write('factory: stopping after the current step (Ctrl-C again to stop now)\n');
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  // Dashboards (`factory tui`, in any terminal) attach to this run through the socket.
  const attach = await serveAttach(engine, path.resolve(options.dir), (line) => process.stderr.write(`factory: ${line}\n`));
  const result = await engine.run().finally(() => attach.close());
  process.exitCode = result.exitCode;
}

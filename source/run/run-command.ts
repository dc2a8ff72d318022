// `factory run`: the loop without the dashboard, serving the attach socket; Ctrl-C once stops after the current step,
// twice stops now.
import path from 'node:path';
import { serveAttach } from '../../engine/attach/attach-server.js';
import { finalReportCollector } from '../../engine/reports/final-report.js';
import { renderFinalSummary } from '../../engine/reports/render-final-report.js';
import { formatEvent } from './print-event.js';
import type { RunOptions } from './run-options.js';
import { withOptionsFile } from './run-options-file.js';
import { startEngine } from './start-engine.js';
import { nextSteps } from './next-steps.js';
import type { FactoryEventOf } from '../../engine/contract/events.js';

export async function runCommand(
  given: RunOptions & { json?: boolean; verbose?: boolean; optionsFile?: string },
): Promise<void> {
  const options = withOptionsFile(given);
  const engine = await startEngine(options, (line) => process.stderr.write(`factory: ${line}\n`));
  const summary = finalReportCollector();
  engine.on(summary.add);
  let started: FactoryEventOf<'run:started'> | undefined;
  let finished: FactoryEventOf<'run:finished'> | undefined;
  let rounds = 0;
  engine.on((event) => {
    if (event.type === 'run:started') started = event;
    if (event.type === 'round:finished') rounds++;
    // Errors are for the person at the terminal: stderr, whatever the output format.
    if (event.type === 'run:error') process.stderr.write(`factory: ${event.message}\n`);
    if (options.json) return void process.stdout.write(`${JSON.stringify(event)}\n`);
    const line = formatEvent(event, options.verbose ?? false);
    if (line !== undefined) process.stdout.write(`${line}\n`);
    if (event.type === 'run:finished') finished = event;
  });
  let interrupts = 0;
  let lastInterrupt = 0;
  const onInterrupt = (): void => {
    // conf's atomic writer (when-exit) re-raises the first signal at once: one key press, not two.
    if (Date.now() - lastInterrupt < 150) return;
    lastInterrupt = Date.now();
    interrupts++;
    engine.send({ type: 'stop', now: interrupts > 1 });
    if (interrupts === 1) process.stderr.write('factory: stopping after the current step (Ctrl-C again to stop now)\n');
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  // A closed terminal: nobody is there to wait for the current step.
  process.on('SIGHUP', () => engine.send({ type: 'stop', now: true }));
  // Dashboards (`factory tui`, in any terminal) attach to this run through the socket.
  const attach = await serveAttach(engine, path.resolve(options.dir), (line) =>
    process.stderr.write(`factory: ${line}\n`),
  );
  const result = await engine.run().finally(() => attach.close());
  if (!options.json) {
    if (started)
      process.stdout.write(
        `\nSummary (.factory/final_report.md):\n${renderFinalSummary(summary.report())
          .map((line) => `  ${line}`)
          .join('\n')}\n`,
      );
    // A run that failed before any round left no branch to keep or throw away.
    if (started && finished && !(finished.outcome === 'error' && rounds === 0 && !started.resumed))
      process.stdout.write(nextSteps(started, finished));
  }
  process.exitCode = result.exitCode;
}

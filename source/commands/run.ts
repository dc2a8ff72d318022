// `factory run`: the loop without the dashboard; Ctrl-C once stops after the current step, twice stops now.
import { finalReportCollector } from '../../engine/reports/final-report.js';
import { renderFinalSummary } from '../../engine/reports/render-final-report.js';
import { formatEvent } from '../run/print-event.js';
import type { RunOptions } from '../run/run-options.js';
import { startEngine } from '../run/start-engine.js';

export async function runCommand(options: RunOptions & { json?: boolean; verbose?: boolean }): Promise<void> {
  const engine = await startEngine(options, (line) => process.stderr.write(`factory: ${line}\n`));
  const summary = finalReportCollector();
  engine.on(summary.add);
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
  const result = await engine.run();
  if (!options.json) process.stdout.write(`\nSummary (.factory/final_report.md):\n${renderFinalSummary(summary.report()).map((line) => `  ${line}`).join('\n')}\n`);
  process.exitCode = result.exitCode;
}

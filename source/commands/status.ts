// `factory status`: one screen of where the run stands, folded from .factory/events.ndjson.
import path from 'node:path';
import { readEventLog } from '../../engine/reports/event-log.js';
import { factoryPaths } from '../../engine/reports/factory-dir.js';
import { checkReadable } from '../../engine/reports/events-format.js';
import { initialStatus, reduceStatus } from '../../engine/reports/run-status.js';
import { renderStatus } from './render-status.js';

export async function statusCommand(options: { dir: string }): Promise<void> {
  const paths = factoryPaths(path.resolve(options.dir));
  const events = await readEventLog(paths.events);
  if (events.length === 0) {
    process.stdout.write(
      `no run yet in ${path.resolve(options.dir)} (nothing in .factory/): start one with \`factory run\` or ` +
        `\`factory tui\`\n`,
    );
    return;
  }
  for (const event of events) if (event.type === 'run:started') checkReadable(event, paths.events);
  process.stdout.write(renderStatus(events.reduce(reduceStatus, initialStatus())));
}

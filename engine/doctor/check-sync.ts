// The docker sandbox's engine and how the project reaches it: mounted, or copied, with what one whole send and one
// send of nothing changed took (the floor of every test run's sync).
import { DockerSandbox } from '../sandbox/docker/docker-sandbox.js';
import type { Sandbox } from '../sandbox/sandbox.js';
import { type CheckResult, ok } from './check.js';

export async function checkSync(sandbox: Sandbox): Promise<CheckResult | undefined> {
  if (!(sandbox instanceof DockerSandbox)) return undefined;
  const engine = `engine ${sandbox.engineWhere}`;
  if (sandbox.sync === 'mount')
    return ok('sync', `${engine}; SANDBOX_SYNC=mount: the project is bind-mounted, nothing to send`);
  const first = sandbox.firstSync;
  const again = await sandbox.syncNow();
  const ms = (value: number | undefined): string => `${Math.round(value ?? 0)} ms`;
  return ok(
    'sync',
    `${engine}; SANDBOX_SYNC=copy: the whole project (${first?.sent ?? 0} files and folders) sent in ` +
      `${ms(first?.ms)}, a sync with nothing changed ${ms(again?.ms)}`,
  );
}

// `factory set KEY=VALUE`: changes a limit of the run going on in this folder, from its next round, through the attach
// channel.
import path from 'node:path';
import { attachToRun } from '../../engine/attach/attach-client.js';
import { checkLiveSetting } from '../../engine/config/live-setting.js';
import { UserError } from '../../engine/util/errors.js';

/** How long to listen for the engine refusing the value before reporting it sent. */
const answerMs = 1500;

export async function setCommand(pair: string, options: { dir: string }): Promise<void> {
  const at = pair.indexOf('=');
  if (at <= 0) throw new UserError(`factory set takes KEY=VALUE (e.g. factory set MAX_ROUNDS=30), not "${pair}"`);
  const key = pair.slice(0, at).trim();
  const checked = checkLiveSetting(key, pair.slice(at + 1), 'factory set');
  if ('message' in checked) throw new UserError(checked.message);
  const projectDir = path.resolve(options.dir);
  const client = await attachToRun(projectDir);
  if (!client)
    throw new UserError(
      `no run is going in ${projectDir}: nothing changed (for the next run, set ${key} in factory_config.md)`,
    );
  const sentAt = new Date().toISOString();
  const refusal = new Promise<string | undefined>((resolve) => {
    client.on((event) => {
      if (event.type === 'config:rejected' && event.key === key && event.ts >= sentAt) resolve(event.message);
    });
    setTimeout(() => resolve(undefined), answerMs);
  });
  client.send({ type: 'set', key, value: checked.value });
  const refused = await refusal;
  client.close();
  if (refused) throw new UserError(refused);
  process.stdout.write(
    `${key}=${checked.value} sent to the run in ${projectDir}: it applies from the next round (see history.md)\n`,
  );
}

// `factory doctor`: prints a table of every check with what to do, and exits 1 when the configured run cannot work.
import path from 'node:path';
import { runDoctor } from '../../engine/doctor/run-doctor.js';
import { createSandbox } from '../../engine/sandbox/create-sandbox.js';
import { flagSettings, type RunOptions } from '../run/run-options.js';
import { userSettings } from '../user-defaults.js';
import { renderChecks } from './render-checks.js';

export async function doctorCommand(options: RunOptions & { json?: boolean }): Promise<void> {
  const projectDir = path.resolve(options.dir);
  const results = await runDoctor({
    projectDir,
    flags: flagSettings(options),
    userDefaults: userSettings(),
    sandboxFor: (config) => createSandbox(projectDir, config),
  });
  process.stdout.write(options.json ? `${JSON.stringify(results, null, 2)}\n` : renderChecks(results));
  if (results.some((result) => result.status === 'fail')) process.exitCode = 1;
}

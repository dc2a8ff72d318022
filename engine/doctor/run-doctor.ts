// `factory doctor`: every moving part of the configured run, checked in order; the run can work when nothing failed.
import type { Sandbox } from '../sandbox/sandbox.js';
import type { FactoryConfig } from '../config/factory-config.js';
import { fail, ok, warn, type CheckResult } from './check.js';
import { checkModels } from './check-models.js';
import { errorMessage } from '../util/errors.js';
import { checkEngines } from './check-engines.js';
import { checkContainment } from './check-containment.js';
import { checkGit } from './check-git.js';
import { checkSync } from './check-sync.js';
import { checkConfig, checkRfp, checkTestCommand } from './check-project.js';

export type DoctorInput = {
  projectDir: string;
  flags: Record<string, string>;
  userDefaults: Record<string, string>;
  /** Builds the sandbox the run would use, with a line saying which and why. */
  sandboxFor: (config: FactoryConfig) => Promise<{ sandbox: Sandbox; note?: string }>;
};

export async function runDoctor(input: DoctorInput): Promise<CheckResult[]> {
  const results = await checkGit(input.projectDir);
  const loaded = checkConfig(input.projectDir, input.flags, input.userDefaults);
  results.push(...loaded.results, checkRfp(input.projectDir));
  const config = loaded.config;
  if (!config) return results;
  results.push(...(await checkEngines(config)), ...checkContainment(config), ...(await checkModels(config)));
  let choice: Awaited<ReturnType<DoctorInput['sandboxFor']>>;
  try {
    choice = await input.sandboxFor(config);
    await choice.sandbox.start();
  } catch (error) {
    const fix =
      config.sandbox === 'docker'
        ? 'start Docker (or set SANDBOX=local), and make sure SANDBOX_IMAGE is there'
        : 'install bubblewrap, run the tests in Docker (SANDBOX=docker), or set SANDBOX=none (unsafe)';
    return [...results, fail('sandbox', errorMessage(error), fix)];
  }
  const { sandbox, note } = choice;
  results.push(note ? warn('sandbox', sandbox.describe(), note) : ok('sandbox', sandbox.describe()));
  try {
    const sync = await checkSync(sandbox);
    if (sync) results.push(sync);
    results.push(await checkTestCommand(input.projectDir, config, sandbox));
  } finally {
    await sandbox.stop();
  }
  return results;
}

// `factory doctor`: every moving part of the configured run, checked in order; the run can work when nothing failed.
import type { Sandbox } from '../sandbox/sandbox.js';
import type { FactoryConfig } from '../config/factory-config.js';
import { ok, type CheckResult } from './check.js';
import { checkEngines } from './check-engines.js';
import { checkGit } from './check-git.js';
import { checkConfig, checkRfp, checkTestCommand } from './check-project.js';

export type DoctorInput = {
  projectDir: string;
  flags: Record<string, string>;
  userDefaults: Record<string, string>;
  /** Builds the sandbox the run would use, with a line saying which and why. */
  sandboxFor: (config: FactoryConfig) => Promise<{ sandbox: Sandbox; note?: string }>;
  /** Extra checks a wired-in part contributes (Docker engine and image, local models). */
  extraChecks?: (config: FactoryConfig) => Promise<CheckResult[]>;
};

export async function runDoctor(input: DoctorInput): Promise<CheckResult[]> {
  const results = await checkGit(input.projectDir);
  const loaded = checkConfig(input.projectDir, input.flags, input.userDefaults);
  results.push(...loaded.results, checkRfp(input.projectDir));
  const config = loaded.config;
  if (!config) return results;
  results.push(...(await checkEngines(config)));
  if (input.extraChecks) results.push(...(await input.extraChecks(config)));
  const { sandbox, note } = await input.sandboxFor(config);
  results.push(note ? { name: 'sandbox', status: 'warn', detail: `${sandbox.describe()}`, fix: note } : ok('sandbox', sandbox.describe()));
  await sandbox.start();
  try {
    results.push(await checkTestCommand(input.projectDir, config, sandbox));
  } finally {
    await sandbox.stop();
  }
  return results;
}

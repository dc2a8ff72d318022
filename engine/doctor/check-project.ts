// Doctor: factory_config.md loads, the RFP files are there, and the test command exists and runs.
import { loadConfig } from '../config/load-config.js';
import type { FactoryConfig } from '../config/factory-config.js';
import { readRfp } from '../rfp/read-rfp.js';
import type { Sandbox } from '../sandbox/sandbox.js';
import { detectTestCommand } from '../test-runner/detect-test-command.js';
import { runTests } from '../test-runner/run-tests.js';
import { errorMessage } from '../util/errors.js';
import { fail, ok, warn, type CheckResult } from './check.js';

export function checkConfig(
  projectDir: string,
  flags: Record<string, string>,
  userDefaults: Record<string, string>,
): { results: CheckResult[]; config?: FactoryConfig } {
  try {
    const config = loadConfig(projectDir, { flags, userDefaults });
    return {
      results: [
        ok(
          'config',
          `factory_config.md: engine ${config.aiEngine}, supervisor ${config.supervisor}, sandbox ` +
            `${config.sandbox}, mode ${config.mode}`,
        ),
      ],
      config,
    };
  } catch (error) {
    return {
      results: [
        fail('config', errorMessage(error), 'fix the lines named above (`factory init` writes a documented file)'),
      ],
    };
  }
}

export function checkRfp(projectDir: string): CheckResult {
  try {
    const rfp = readRfp(projectDir);
    const open = rfp.tasks.filter((task) => !task.done).length;
    return open > 0
      ? ok('RFP', `${rfp.tasks.length} task(s), ${open} open`)
      : warn('RFP', 'every task is ticked: a run has nothing to do', 'add tasks to RFP/tasks.md as "- [ ] ..."');
  } catch (error) {
    return fail(
      'RFP',
      errorMessage(error),
      'write RFP/requirements.md and RFP/tasks.md (`factory init` writes templates)',
    );
  }
}

/** Runs the test command once, as a round would, and says whether it could run at all (red is fine before a run). */
export async function checkTestCommand(
  projectDir: string,
  config: FactoryConfig,
  sandbox: Sandbox,
): Promise<CheckResult> {
  const command = config.testCmd || detectTestCommand(projectDir, config.language);
  if (!command)
    return fail(
      'tests',
      `no TEST_CMD and none detected for LANGUAGE=${config.language}`,
      'set TEST_CMD= in factory_config.md',
    );
  // As a round runs it: with the report factory asks the runner for, so the line says where results will come from.
  const timeoutSeconds = Math.min(config.testTimeoutSeconds, 120);
  const run = await runTests(sandbox, {
    command,
    projectDir,
    timeoutSeconds,
    signal: new AbortController().signal,
    onOutput: () => undefined,
  });
  if (run.timedOut)
    return warn(
      'tests',
      `\`${command}\` did not finish in ${Math.round(run.durationMs / 1000)} s`,
      'check the command, or raise TEST_TIMEOUT',
    );
  if (run.exitCode === 127 || /command not found|not found:|No module named pytest/.test(run.output)) {
    return fail(
      'tests',
      `\`${command}\` could not start: ${run.output.trim().split('\n').at(-1)}`,
      'install the test runner where the tests run, or set TEST_CMD=',
    );
  }
  return ok('tests', `\`${command}\` runs (${run.runner}): ${run.headline}; results from ${run.source}`);
}

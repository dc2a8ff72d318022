// Wiring: settings from flags, file and user defaults; the chosen worker, supervisor and sandbox; the engine.
import path from 'node:path';
import { createAgents } from '../../engine/agents/create-agents.js';
import { containmentLine } from '../../engine/containment/containment-summary.js';
import { loadConfig } from '../../engine/config/load-config.js';
import { createEngine, type FactoryEngine } from '../../engine/engine.js';
import { newRunId } from '../../engine/run/prepare-run.js';
import { restoreFromRecords } from '../../engine/run/restore-records.js';
import { createSandbox } from '../../engine/sandbox/create-sandbox.js';
import { EnginePool } from '../../engine/sandbox/engine-pool.js';
import { createLineSandbox } from '../../engine/lines/line-sandbox.js';
import { lockedPathsReader } from '../../engine/task-setup/guard/lock-store.js';
import { flagSettings, type RunOptions } from './run-options.js';
import { userSettings } from '../user-defaults.js';

export async function startEngine(options: RunOptions, notice: (line: string) => void): Promise<FactoryEngine> {
  const projectDir = path.resolve(options.dir);
  // A resumed run takes its settings from its own records, not from what a model left in factory_config.md.
  const restored = await restoreFromRecords(projectDir);
  if (restored.length > 0)
    notice(`resuming: ${restored.join(', ')} put back as the run started (changed after it stopped)`);
  const config = loadConfig(projectDir, { flags: flagSettings(options), userDefaults: userSettings() });
  const agents = createAgents(projectDir, config);
  const runId = newRunId();
  const lockedPaths = lockedPathsReader(projectDir);
  const { sandbox, note, info } = await createSandbox(projectDir, config, { runId, notice, lockedPaths });
  if (note) notice(note);
  if (info) notice(info);
  // SANDBOX_ENGINES: the lines' sandboxes spread over those engines (the run's own stays on the one found above).
  const pool = config.sandboxEngines.length > 0 ? await EnginePool.open(config, { notice }) : undefined;
  const containment = containmentLine(config);
  if (containment.includes('NO OS SANDBOX')) notice(containment);
  return createEngine({
    projectDir,
    config,
    ...agents,
    sandbox,
    runId,
    allowDirty: options.allowDirty,
    unlock: options.unlock,
    containment,
    lineSandbox: pool
      ? async (line) => pool.sandboxFor({ projectDir: line.worktree, runId: `${line.runId}-task-${line.task}` })
      : (line) => createLineSandbox(line, config, { notice }),
  });
}

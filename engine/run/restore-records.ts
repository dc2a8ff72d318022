// Before a resumed run reads its settings, script and tasks: factory's files go back to what the run started with,
// so nothing a model left in them after a crash (TEST_CMD=true, a ticked task) is read as the run's own.
import { ProtectedFiles } from '../task-setup/guard/protected-files.js';
import { readEventLog } from '../reports/event-log.js';
import { factoryPaths } from '../reports/factory-dir.js';
import { findResumePoint } from './resume-point.js';

/** Returns the files put back (none when there is no interrupted run to resume). */
export async function restoreFromRecords(projectDir: string): Promise<string[]> {
  const paths = factoryPaths(projectDir);
  // Read first: a record that is not factory's (changed, made or removed since factory wrote it) is refused, for a
  // resume and a new run alike.
  const files = ProtectedFiles.load(paths.protected);
  if (files.entries.length === 0 || !findResumePoint(await readEventLog(paths.events), projectDir, paths.events))
    return [];
  const factoryOnly = files.entries.filter((entry) => entry.what === 'factory');
  return files
    .restore(projectDir, [], false)
    .filter((violation) => factoryOnly.some((entry) => entry.path === violation.path))
    .map((violation) => violation.path);
}

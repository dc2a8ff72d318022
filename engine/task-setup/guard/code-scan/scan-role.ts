// How the scan reads a file of a task's round: locked files and the runner's whole configuration files are not
// scanned (the guard puts them back as locked), test files are, with a test's allowances, the rest is code.
import picomatch from 'picomatch';
import type { Task } from '../../../rfp/tasks-file.js';
import { normaliseTestPath } from '../../../test-runner/test-id.js';
import { runnerConfigKind } from '../runner-config.js';
import { looksLikeTestFile } from '../test-files.js';
import type { FileRole } from './file-role.js';

export function scanRole(task: Task, locked: readonly string[]): (file: string) => FileRole | undefined {
  const closed = new Set(locked);
  const named = task.tests.map((pattern) => picomatch(normaliseTestPath(pattern).replace(/\/$/, '/**')));
  return (file) => {
    if (closed.has(file) || runnerConfigKind(file) === 'whole') return undefined;
    return looksLikeTestFile(file) || named.some((match) => match(file)) ? 'test' : 'code';
  };
}

// The sandbox a user's SANDBOX=local run gets: local processes inside the OS sandbox, the project's locked tests
// read-only.
import { confinedLocalSandbox } from '../../engine/sandbox/create-sandbox.js';
import type { LocalSandbox } from '../../engine/sandbox/local-sandbox.js';
import { lockedPathsReader } from '../../engine/task-setup/guard/lock-store.js';

export const confinedSandbox = (dir: string): LocalSandbox =>
  confinedLocalSandbox(dir, 'local', { lockedPaths: lockedPathsReader(dir) });

// The command that runs an agent CLI for one call: inside the OS sandbox when there is one, with its temp folder
// private.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { visibleTools } from '../../containment/hidden-paths.js';
import { closedFolders } from '../../containment/closed-folders.js';
import { detectOsSandbox, sandboxedCommand } from '../../containment/os-sandbox.js';
import type { CliEngine, CliOptions } from './cli-engine.js';

export type ContainedCall = {
  projectDir: string;
  readOnly: boolean;
  lockedPaths: ReadonlySet<string>;
  scratchDir: string;
};

export type ContainedCommand = { binary: string; args: string[]; env: Record<string, string> };

export function containedCommand(
  engine: CliEngine,
  options: CliOptions,
  call: ContainedCall,
  args: string[],
): ContainedCommand {
  const env = options.env ?? {};
  const sandbox = options.osSandbox ?? detectOsSandbox();
  if (sandbox.kind === 'none') return { binary: engine.binary, args, env };
  const home = env.HOME ?? process.env.HOME ?? os.homedir();
  const own = engine.ownFolders(home, { ...process.env, ...env });
  // The folders must be there to be bound writable; a missing one would be created read-only by nobody.
  for (const folder of own.create) fs.mkdirSync(folder, { recursive: true });
  const spec = {
    projectDir: call.projectDir,
    writeProject: !call.readOnly,
    protectedPaths: ['.git', ...closedFolders(call.projectDir), ...call.lockedPaths],
    writable: [...own.create, ...own.ifPresent, call.scratchDir],
    hideIn: { home, keep: visibleTools(engine.binary, { ...process.env, ...env }.PATH ?? '', home) },
  };
  const wrapped = sandboxedCommand(sandbox, spec, engine.binary, args, call.scratchDir);
  return { ...wrapped, env: { ...env, TMPDIR: call.scratchDir } };
}

export function makeScratchDir(engine: CliEngine): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `factory-${engine.name}-`));
}

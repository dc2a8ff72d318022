// The operating system's sandbox around the agent CLIs: bubblewrap on Linux, sandbox-exec (Seatbelt) on macOS, or none.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { realPath } from '../util/real-path.js';
import { bwrapArgs } from './bwrap-args.js';
import { bwrapHideArgs, seatbeltHideRules } from './hidden-paths.js';
import type { SandboxSpec } from './sandbox-spec.js';
import { seatbeltProfile } from './seatbelt-profile.js';

export type OsSandbox = { kind: 'bubblewrap' | 'seatbelt'; binary: string };

/** Why no OS sandbox can be used here, and what would give one. */
export type NoOsSandbox = { kind: 'none'; reason: string; fix: string };

export type WrappedCommand = { binary: string; args: string[] };

let detected: OsSandbox | NoOsSandbox | undefined;

/** Tried once per process: bubblewrap must actually start (user namespaces may be off), sandbox-exec must be there. */
export function detectOsSandbox(): OsSandbox | NoOsSandbox {
  detected ??= detect(process.platform);
  return detected;
}

function detect(platform: NodeJS.Platform): OsSandbox | NoOsSandbox {
  if (platform === 'linux') {
    const tried = spawnSync('bwrap', ['--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', 'true'], {
      timeout: 10_000,
      encoding: 'utf8',
    });
    if (tried.status === 0) return { kind: 'bubblewrap', binary: 'bwrap' };
    const missing = (tried.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
    const reason = missing
      ? 'bubblewrap (bwrap) is not installed'
      : `bubblewrap cannot start here: ${(tried.stderr || tried.error?.message || `exit ${tried.status}`).trim()}`;
    const fix = missing
      ? 'install it: apt install bubblewrap (dnf install bubblewrap, pacman -S bubblewrap)'
      : 'allow unprivileged user namespaces (kernel.unprivileged_userns_clone=1) or run where bwrap works';
    return { kind: 'none', reason, fix };
  }
  if (platform === 'darwin') {
    if (fs.existsSync('/usr/bin/sandbox-exec')) return { kind: 'seatbelt', binary: '/usr/bin/sandbox-exec' };
    return { kind: 'none', reason: '/usr/bin/sandbox-exec is missing', fix: 'use a macOS that ships sandbox-exec' };
  }
  return {
    kind: 'none',
    reason: `no OS sandbox is supported on ${platform}`,
    fix: 'run factory on Linux (bubblewrap) or macOS (sandbox-exec)',
  };
}

/** The command line that runs binary args inside the sandbox; scratchDir holds the Seatbelt profile. */
export function sandboxedCommand(
  sandbox: OsSandbox,
  spec: SandboxSpec,
  binary: string,
  args: string[],
  scratchDir: string,
): WrappedCommand {
  const real = {
    ...spec,
    projectDir: realPath(spec.projectDir),
    writable: spec.writable.filter((item) => fs.existsSync(item)).map(realPath),
  };
  const keep = [real.projectDir, ...real.writable, ...(spec.hideIn?.keep ?? [])];
  if (sandbox.kind === 'bubblewrap') {
    const hide = spec.hideIn ? bwrapHideArgs(spec.hideIn.home, keep) : [];
    return { binary: sandbox.binary, args: [...bwrapArgs(real, existingProtected(real), hide), '--', binary, ...args] };
  }
  const profile = path.join(scratchDir, 'factory-sandbox.sb');
  const hide = spec.hideIn ? seatbeltHideRules(spec.hideIn.home, keep) : [];
  fs.writeFileSync(
    profile,
    seatbeltProfile(
      real,
      real.protectedPaths.map((item) => path.join(real.projectDir, item)),
      hide,
    ),
  );
  return { binary: sandbox.binary, args: ['-f', profile, binary, ...args] };
}

/** Only existing paths can be bound read-only; a locked file made later is caught by the check after the call. */
function existingProtected(spec: SandboxSpec): string[] {
  return spec.protectedPaths.map((item) => path.join(spec.projectDir, item)).filter((item) => isPlain(item));
}

/** A protected path that is itself a symlink is not bound: the bind would follow it out of the project. */
function isPlain(file: string): boolean {
  try {
    return !fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

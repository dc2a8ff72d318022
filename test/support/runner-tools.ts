// Which real test runners this machine has (go, cargo, behave; jest and vitest from factory's own node_modules),
// and a link so temp projects use factory's node_modules instead of installing their own.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const factoryModules = path.resolve(import.meta.dirname, '../../node_modules');

function runs(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

const checks: Record<string, () => boolean> = {
  jest: () => fs.existsSync(path.join(factoryModules, '.bin', 'jest')),
  vitest: () => fs.existsSync(path.join(factoryModules, '.bin', 'vitest')),
  go: () => runs('go', ['version']),
  cargo: () => runs('cargo', ['--version']),
  behave: () => runs('behave', ['--version']),
};

/** Reason to skip when the runner is missing; under CI=true a missing runner fails instead (.ci/run installs them). */
export function requireRunner(name: keyof typeof checks): string | undefined {
  if (checks[name]!()) return undefined;
  if (process.env.CI === 'true') throw new Error(`CI=true but the ${name} test runner is not installed (see .ci/run)`);
  return `no ${name} on this machine`;
}

/** node_modules of the project -> factory's own, so `npx jest` and `npx vitest run` find them. */
export function linkFactoryModules(dir: string): void {
  fs.symlinkSync(factoryModules, path.join(dir, 'node_modules'), 'dir');
}

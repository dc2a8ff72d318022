// Runs the built `factory` command as a user would, in a project folder, with private user defaults.
import path from 'node:path';
import os from 'node:os';
import { execa } from 'execa';
import type { FactoryEvent } from '../../engine/events.js';

export const factoryBin = path.resolve(import.meta.dirname, '../../bin/factory.js');

export type CliResult = { exitCode?: number; stdout: string; stderr: string };

export async function runFactory(
  dir: string,
  args: string[],
  options: { timeoutMs?: number; input?: string } = {},
): Promise<CliResult> {
  const { exitCode, stdout, stderr } = await execa('node', [factoryBin, ...args], {
    cwd: dir,
    reject: false,
    timeout: options.timeoutMs ?? 120_000,
    input: options.input,
    env: { FACTORY_HOME: path.join(os.tmpdir(), 'factory-test-home'), NO_COLOR: '1' },
  });
  return { exitCode, stdout: String(stdout), stderr: String(stderr) };
}

/** Parses `factory run --json` output into events. */
export function parseEvents(stdout: string): FactoryEvent[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as FactoryEvent);
}

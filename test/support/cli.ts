// Runs the built `factory` command as a user would, in a project folder, with private user defaults.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import type { FactoryEvent } from '../../engine/contract/events.js';

export const factoryBin = path.resolve(import.meta.dirname, '../../bin/factory.js');

/** User defaults of this test file's own (FACTORY_HOME), never a folder that parallel files or checkouts share. */
export const testHome = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-test-home-'));

export type CliResult = { exitCode?: number; stdout: string; stderr: string };

export async function runFactory(
  dir: string,
  args: string[],
  options: { timeoutMs?: number; input?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  const { exitCode, stdout, stderr } = await execa('node', [factoryBin, ...args], {
    cwd: dir,
    reject: false,
    timeout: options.timeoutMs ?? 120_000,
    input: options.input,
    env: { FACTORY_HOME: testHome, NO_COLOR: '1', ...options.env },
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

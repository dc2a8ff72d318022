// Finds the claude and gemini CLIs installed by npm ci, and the private environments tests run them in (scripted server, own HOME).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

/**
 * A private bin folder linking the CLIs npm ci installed. Claude Code's package puts a stub at bin/claude.exe that its
 * postinstall replaces with the native binary; that binary ships in the platform package itself, so link to it and the
 * tests need no install script.
 */
const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-clis-'));
const installed: Record<'claude' | 'gemini', string> = {
  claude: path.resolve(`node_modules/@anthropic-ai/claude-code-${process.platform}-${process.arch}/claude`),
  gemini: path.resolve('node_modules/@google/gemini-cli/bundle/gemini.js'),
};
for (const [name, target] of Object.entries(installed))
  if (fs.existsSync(target)) fs.symlinkSync(target, path.join(bin, name));

/** PATH with the project's CLIs first. */
const cliPath = `${bin}${path.delimiter}${process.env.PATH ?? ''}`;

/** Why a CLI cannot run here, or undefined when it can. */
function cliMissing(name: 'claude' | 'gemini'): string | undefined {
  try {
    execFileSync(path.join(bin, name), ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return undefined;
  } catch (error) {
    return `${name} CLI not runnable from ${installed[name]} (${(error as Error).message.split('\n')[0]}); run npm ci`;
  }
}

/** Skip without the CLI, saying why; under CI=true a missing CLI is a failure, never a skip. */
export function skipWithout(name: 'claude' | 'gemini'): { skip: boolean; title: string } {
  const missing = cliMissing(name);
  if (missing && process.env.CI === 'true') throw new Error(`CI=true and ${missing}`);
  if (missing) console.warn(`skipping ${name} tests: ${missing}`);
  return { skip: missing !== undefined, title: missing ? ` (skipped: ${missing})` : '' };
}

function privateHome(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'factory-home-'));
}

/** Claude Code against a scripted server: own HOME (config, sessions), no retries so errors show at once; key '' means none. */
export function claudeEnv(baseUrl: string, key = 'sk-test'): Record<string, string> {
  return {
    PATH: cliPath,
    HOME: privateHome(),
    ANTHROPIC_BASE_URL: baseUrl,
    ANTHROPIC_API_KEY: key,
    ANTHROPIC_AUTH_TOKEN: '',
    CLAUDE_CODE_MAX_RETRIES: '0',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
  };
}

/** Gemini CLI against a scripted server: own HOME whose settings pick API-key auth and make one attempt per call; key '' means none. */
export function geminiEnv(baseUrl: string, key = 'test-key'): Record<string, string> {
  const home = privateHome();
  fs.mkdirSync(path.join(home, '.gemini'));
  const settings = {
    security: { auth: { selectedType: 'gemini-api-key' } },
    general: { maxAttempts: 1, retryFetchErrors: false },
  };
  fs.writeFileSync(path.join(home, '.gemini', 'settings.json'), JSON.stringify(settings));
  return {
    PATH: cliPath,
    HOME: home,
    TMPDIR: home,
    GOOGLE_GEMINI_BASE_URL: baseUrl,
    GEMINI_API_KEY: key,
    GOOGLE_API_KEY: '',
    NO_COLOR: '1',
  };
}

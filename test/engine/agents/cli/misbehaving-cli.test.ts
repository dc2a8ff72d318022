// A CLI that crashes or prints something other than its output format: the worker and the supervisor say so instead of throwing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeEngine } from '../../../../engine/agents/claude/claude-engine.js';
import { CliSupervisor } from '../../../../engine/agents/cli/cli-supervisor.js';
import { CliWorker } from '../../../../engine/agents/cli/cli-worker.js';
import { geminiEngine } from '../../../../engine/agents/gemini/gemini-engine.js';
import { calcProject } from '../../../support/calc-project.js';
import { runWorkerOnce } from '../../../support/worker-run.js';

/** Stands in for a broken install or an incompatible CLI version: a real process that does not speak the protocol. */
function fakeCli(script: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'factory-fakecli-')), 'cli');
  fs.writeFileSync(file, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  return file;
}

describe('a CLI that does not speak its protocol', () => {
  it('crashing with a non-zero exit: the worker reports the code and the end of stderr', async () => {
    const binary = fakeCli('echo "loading..." >&2; echo "Segmentation fault (core dumped)" >&2; exit 139');
    const result = await runWorkerOnce(new CliWorker(claudeEngine(binary), { timeoutMs: 30_000 }), calcProject().dir);
    expect(result).toMatchObject({
      ok: false,
      error: 'claude exited with code 139: loading... | Segmentation fault (core dumped)',
    });
  });

  it('printing text instead of stream-json: the worker quotes the first line', async () => {
    const binary = fakeCli('echo "Usage: gemini [options]"; echo "Unknown argument: output-format"');
    const result = await runWorkerOnce(new CliWorker(geminiEngine(binary), { timeoutMs: 30_000 }), calcProject().dir);
    expect(result).toMatchObject({
      ok: false,
      error: 'gemini ended without a result; it printed "Usage: gemini [options]", which is not stream-json',
    });
  });

  it('as supervisor: asked twice, then CONTINUE with the problem in the reason', async () => {
    // The read-only supervisor may write only its CLI's own folder (~/.claude), inside the OS sandbox too.
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-home-'));
    const binary = fakeCli('echo "$@" >> "$HOME/.claude/calls"; echo "not json at all"');
    const supervisor = new CliSupervisor(claudeEngine(binary), { env: { HOME: home }, timeoutMs: 30_000 });
    const verdict = await supervisor.review({
      report: '# Task 1, round 1: RED',
      projectDir: calcProject().dir,
      model: '',
      signal: new AbortController().signal,
    });
    expect(verdict).toMatchObject({
      decision: 'CONTINUE',
      reason:
        'supervisor answer unusable twice, continuing: claude ended without a result; it printed "not json at all", which is not json',
    });
    const calls = fs.readFileSync(path.join(home, '.claude', 'calls'), 'utf8');
    expect(calls.match(/--output-format json/g)).toHaveLength(2);
  });

  it('as supervisor, missing: CONTINUE with how to install it', async () => {
    const supervisor = new CliSupervisor(geminiEngine(), {
      env: { PATH: fs.mkdtempSync(path.join(os.tmpdir(), 'factory-nobin-')) },
      timeoutMs: 30_000,
    });
    const verdict = await supervisor.review({
      report: '# Task 1, round 1: RED',
      projectDir: calcProject().dir,
      model: '',
      signal: new AbortController().signal,
    });
    expect(verdict.decision).toBe('CONTINUE');
    expect(verdict.reason).toBe(
      'supervisor answer unusable twice, continuing: gemini CLI not found: "gemini" is not on PATH; install it with `npm install -g @google/gemini-cli`',
    );
  });
});

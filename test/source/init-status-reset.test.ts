// `factory init` lays out a project without overwriting; `status` reads .factory/; `reset` removes it (and more with --hard --yes).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../engine/config/load-config.js';
import { runFactory } from '../support/cli.js';
import { git, makeProject, rightAdd } from '../support/project.js';
import { requirePytest } from '../support/python.js';

describe('factory init', () => {
  it('writes a documented config that loads with every default, the RFP, LEGO folders, .gitignore and git', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'init-')), 'new project');
    const result = await runFactory(os.tmpdir(), ['init', dir]);
    expect(result.exitCode).toBe(0);
    for (const name of [
      'factory_config.md',
      'RFP/requirements.md',
      'RFP/design.md',
      'RFP/tasks.md',
      'contracts',
      'tests',
      'actions',
      'entry',
      '.git',
    ]) {
      expect(fs.existsSync(path.join(dir, name)), name).toBe(true);
    }
    expect(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8')).toBe('.factory/\n');
    const text = fs.readFileSync(path.join(dir, 'factory_config.md'), 'utf8');
    expect(text).toContain('MAX_ROUNDS=20');
    expect(text).toContain('Allowed: one of claude, gemini, ollama, openai, scripted.');
    expect(loadConfig(dir)).toMatchObject({
      maxRounds: 20,
      maxFailStreak: 5,
      maxIdleRounds: 3,
      mode: 'Dual',
      aiEngine: 'claude',
      legoMode: true,
    });
  });

  it('never overwrites an existing file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'init-'));
    fs.mkdirSync(path.join(dir, 'RFP'));
    fs.writeFileSync(path.join(dir, 'RFP/requirements.md'), 'mine');
    const result = await runFactory(dir, ['init', '--no-lego']);
    expect(result.stdout).toContain('kept    RFP/requirements.md (already there)');
    expect(fs.readFileSync(path.join(dir, 'RFP/requirements.md'), 'utf8')).toBe('mine');
    expect(fs.existsSync(path.join(dir, 'contracts'))).toBe(false);
    expect(loadConfig(dir).legoMode).toBe(false);
  });
});

describe.skipIf(requirePytest())('factory status and reset', () => {
  it('status shows the finished run; reset removes .factory/; reset --hard --yes returns to the starting branch', async () => {
    const dir = makeProject({ script: { worker: [{ write: { 'calc.py': rightAdd } }] } });
    expect((await runFactory(dir, ['status'])).stdout).toContain('no run yet');
    expect((await runFactory(dir, ['run'])).exitCode).toBe(0);
    const status = (await runFactory(dir, ['status'])).stdout;
    expect(status).toContain('state    finished: green (exit 0) — every task is green');
    expect(status).toContain('task     1/1: Add numbers (1 green)');
    expect(status).toContain('tests    2/2 passing');

    expect((await runFactory(dir, ['reset', '--hard'])).stderr).toContain('pass --yes to confirm');
    expect(fs.existsSync(path.join(dir, '.factory'))).toBe(true);
    const soft = await runFactory(dir, ['reset']);
    expect(soft.stdout).toContain('your files and git history are untouched');
    expect(fs.existsSync(path.join(dir, '.factory'))).toBe(false);
    expect(git(dir, 'rev-parse', '--abbrev-ref', 'HEAD')).toMatch(/^factory\//);

    expect((await runFactory(dir, ['run'])).exitCode).toBe(0);
    await runFactory(dir, ['reset', '--hard', '--yes']);
    expect(git(dir, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(git(dir, 'branch', '--list', 'factory/*')).toBe('');
  });
});

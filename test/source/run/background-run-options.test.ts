// A run started in the background (`factory tui`, `factory tmux`) gets its options as data: every one reaches the child.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { FactoryEvent } from '../../../engine/contract/events.js';
import { UserError } from '../../../engine/util/errors.js';
import { addRunOptions, type RunOptions } from '../../../source/run/run-options.js';
import { runOptionsSchema, withOptionsFile, writeRunOptions } from '../../../source/run/run-options-file.js';
import { startBackgroundRun } from '../../../source/run/start-background-run.js';
import { testHome } from '../../support/cli.js';
import { git, makeProject, read, rightAdd } from '../../support/project.js';
import { pytestCommand, requirePytest } from '../../support/python.js';

const skip = requirePytest();
const oddText = `odd 'model' "name"; $HOME #1 --unlock x`;

describe('run options as data', () => {
  it('has a field for every run flag, so none can be left off the trip', () => {
    const flags = addRunOptions(new Command('run')).options.map((option) => option.attributeName());
    expect(new Set(flags)).toEqual(new Set(Object.keys(runOptionsSchema.shape)));
  });

  it('refuses an options file that is not run options, naming the field', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-options-'));
    const file = path.join(dir, 'options.json');
    fs.writeFileSync(file, JSON.stringify({ dir, set: 'MAX_ROUNDS=1', unlock: [3] }));
    expect(() => withOptionsFile({ dir: '.', set: [], optionsFile: file })).toThrow(UserError);
    expect(() => withOptionsFile({ dir: '.', set: [], optionsFile: file })).toThrow(
      /--options-file .*: not run options \(set: .*unlock\.0: /,
    );
    fs.writeFileSync(file, '{');
    expect(() => withOptionsFile({ dir: '.', set: [], optionsFile: file })).toThrow(/cannot be read as JSON/);
  });

  it('keeps every value as it was, text that arguments would mangle included, and drops what is not a run option', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-options-'));
    const options = everyOption(dir);
    const file = writeRunOptions(dir, { ...options, pane: 'tests', theme: 'light' } as RunOptions);
    expect(file).toBe(path.join(dir, '.factory', 'run-options.json'));
    expect(withOptionsFile({ dir: '.', set: ['MAX_ROUNDS=9'], optionsFile: file })).toEqual(options);
  });

  it.skipIf(skip)('a background run gets --set, --unlock, --allow-dirty and every named setting', async () => {
    // The child's user defaults: this file's own, not a folder that other files or checkouts share.
    vi.stubEnv('FACTORY_HOME', testHome);
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    // factory_config.md says otherwise for every flag: a flag lost on the way makes the run fail or differ.
    const dir = makeProject({
      config: { AI_ENGINE: 'claude', SUPERVISOR: 'claude', SANDBOX: 'docker', MODE: 'Dual', MAX_ROUNDS: '20' },
      files: { 'script.json': '{}' },
      dirty: {
        'notes.txt': 'my own work\n',
        'real-script.json': JSON.stringify({ worker: [{ write: { 'calc.py': rightAdd } }] }),
      },
    });
    fs.writeFileSync(
      path.join(dir, 'factory_config.md'),
      read(dir, 'factory_config.md').replace(/^TEST_CMD=.*$/m, 'TEST_CMD=false'),
    );
    git(dir, 'commit', '-qam', 'config that the flags override');
    const options = everyOption(dir);
    const client = await startBackgroundRun(dir, options);
    await client.closed;
    const events = read(dir, '.factory/events.ndjson')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as FactoryEvent);
    const started = events.find((event) => event.type === 'run:started');
    // The named flags: the engine, sandbox and test command the run says it uses (the script made it green).
    expect(started).toMatchObject({
      engine: 'scripted',
      sandbox: expect.stringContaining(`local processes in ${dir}, confined by bubblewrap`),
      testCommand: pytestCommand(),
      settings: { MODE: 'Single', MAX_ROUNDS: '3', MAX_FAIL_STREAK: '2', WORKER_MODEL: oddText },
    });
    expect(events.filter((event) => event.type === 'verdict:issued' && event.by === 'supervisor')).toEqual([]);
    expect(events).toContainEqual(expect.objectContaining({ type: 'tests:unlocked', path: 'tests/test_calc.py' }));
    expect(events.at(-1)).toMatchObject({ type: 'run:finished', outcome: 'green' });
    // --allow-dirty: the user's uncommitted file went onto the factory's branch instead of stopping the run.
    expect(git(dir, 'show', 'HEAD:notes.txt')).toBe('my own work');
  });
});

function everyOption(dir: string): RunOptions {
  return {
    dir,
    set: ['MAX_FAIL_STREAK=2', `WORKER_MODEL=${oddText}`],
    engine: 'scripted',
    supervisor: 'none',
    sandbox: 'local',
    mode: 'Single',
    testCmd: pytestCommand(),
    script: 'real-script.json',
    maxRounds: '3',
    allowDirty: true,
    unlock: ['tests/test_calc.py'],
  };
}

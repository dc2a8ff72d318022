// The run flags come from the key table: each key with a flag is a flag, named and documented by its entry.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { configKeys, type KeyDefinition } from '../../../engine/config/keys.js';
import { flagAttribute, flagHelp, flagKeys } from '../../../source/run/flag-keys.js';
import { addSettingOptions, flagSettings } from '../../../source/run/run-options.js';

describe('run flags from the key table', () => {
  it('keeps the flags of before under their names, and adds --parallel for MAX_PARALLEL', () => {
    const flags = new Map(flagKeys.map((definition) => [definition.key, definition.flag.split(' ')[0]]));
    expect(flags).toEqual(
      new Map([
        ['AI_ENGINE', '--engine'],
        ['SUPERVISOR', '--supervisor'],
        ['MODE', '--mode'],
        ['TEST_CMD', '--test-cmd'],
        ['SANDBOX', '--sandbox'],
        ['MAX_ROUNDS', '--max-rounds'],
        ['MAX_PARALLEL', '--parallel'],
        ['SCRIPT', '--script'],
      ]),
    );
  });

  it("gives commander the table's flags, and the parsed values back as their keys, --set first", () => {
    const command = addSettingOptions(new Command('run').exitOverride());
    expect(command.options.map((option) => option.attributeName())).toEqual([
      'set',
      ...flagKeys.map((definition) => flagAttribute(definition.flag)),
    ]);
    command.parse(
      ['--set', 'MAX_PARALLEL=9', '--set', 'MODE', '--parallel', '3', '--test-cmd', 'make test', '--engine', 'x'],
      { from: 'user' },
    );
    expect(flagSettings(command.opts())).toEqual({
      MAX_PARALLEL: '3',
      MODE: '',
      TEST_CMD: 'make test',
      AI_ENGINE: 'x',
    });
  });

  it("says in each flag's help the key it sets and what it takes", () => {
    const help = (key: string) => flagHelp(configKeys.find((definition) => definition.key === key) as KeyDefinition);
    expect(help('SANDBOX')).toBe('SANDBOX: docker, local, auto or none');
    expect(help('MAX_PARALLEL')).toBe(
      'MAX_PARALLEL: most tasks run at the same time, each in its own line (git worktree, sandbox, worker) (1 to 16)',
    );
    expect(help('TEST_CMD')).toBe('TEST_CMD: command that runs the tests');
  });
});

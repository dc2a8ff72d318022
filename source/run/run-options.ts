// The options that start a run (shared by `factory run`, `factory tui` and `factory tmux`), turned into config flags.
import { type Command, Option } from 'commander';

// The types come from the schema that checks them when they
// travel as data (loaded only then: zod is not needed to start).
export type { RunOptions, SettingOptions } from './run-options-file.js';
import type { SettingOptions } from './run-options-file.js';
import { flagAttribute, flagHelp, flagKeys } from './flag-keys.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function addRunOptions(command: Command): Command {
  return addSettingOptions(command.option('-C, --dir <dir>', 'project folder', '.'))
    .option('--allow-dirty', 'commit uncommitted changes on the factory branch first instead of refusing')
    .option(
      '--unlock <path>',
      'unlock a locked test file (path relative to the project) before the first round (repeatable)',
      collect,
      [],
    );
}

/** How a run started by `factory tui` or `factory tmux` gets its options: as data, not as arguments parsed again. */
export function addOptionsFile(command: Command): Command {
  return command.addOption(
    new Option('--options-file <file>', 'take the run options from this JSON file (written by factory tui)').hideHelp(),
  );
}

/** --set, and a flag for each key of the table that names one (engine/config/keys.ts). */
export function addSettingOptions(command: Command): Command {
  command.option('--set <KEY=VALUE>', 'override any factory_config.md setting (repeatable)', collect, []);
  for (const definition of flagKeys) command.option(definition.flag, flagHelp(definition));
  return command;
}

/** Flags as KEY -> value, checked later exactly like factory_config.md lines. */
export function flagSettings(options: SettingOptions): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const pair of options.set) {
    const at = pair.indexOf('=');
    settings[at < 0 ? pair : pair.slice(0, at)] = at < 0 ? '' : pair.slice(at + 1);
  }
  const values: Record<string, unknown> = options;
  for (const definition of flagKeys) {
    const value = values[flagAttribute(definition.flag)];
    if (typeof value === 'string') settings[definition.key] = value;
  }
  return settings;
}

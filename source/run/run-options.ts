// The options that start a run (shared by `factory run`, `factory tui` and `factory tmux`), turned into config flags.
import { type Command, Option } from 'commander';

// The types come from the schema that checks them when they
// travel as data (loaded only then: zod is not needed to start).
export type { RunOptions, SettingOptions } from './run-options-file.js';
import type { SettingOptions } from './run-options-file.js';

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

export function addSettingOptions(command: Command): Command {
  return command
    .option('--set <KEY=VALUE>', 'override any factory_config.md setting (repeatable)', collect, [])
    .option('--engine <name>', 'AI_ENGINE: claude, gemini, ollama, openai or scripted')
    .option('--supervisor <name>', 'SUPERVISOR: claude, gemini, ollama, openai, scripted or none')
    .option('--sandbox <kind>', 'SANDBOX: docker, local or auto')
    .option('--mode <mode>', 'MODE: Single or Dual')
    .option('--test-cmd <command>', 'TEST_CMD: the command that runs the tests')
    .option('--script <file>', "SCRIPT: the scripted engine's script")
    .option('--max-rounds <n>', 'MAX_ROUNDS');
}

/** Flags as KEY -> value, checked later exactly like factory_config.md lines. */
export function flagSettings(options: SettingOptions): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const pair of options.set) {
    const at = pair.indexOf('=');
    settings[at < 0 ? pair : pair.slice(0, at)] = at < 0 ? '' : pair.slice(at + 1);
  }
  const named: [string, string | undefined][] = [
    ['AI_ENGINE', options.engine],
    ['SUPERVISOR', options.supervisor],
    ['SANDBOX', options.sandbox],
    ['MODE', options.mode],
    ['TEST_CMD', options.testCmd],
    ['SCRIPT', options.script],
    ['MAX_ROUNDS', options.maxRounds],
  ];
  for (const [key, value] of named) if (value !== undefined) settings[key] = value;
  return settings;
}

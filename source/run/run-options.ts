// The options that start a run (shared by `factory run` and `factory tui`), turned into config flags.
import type { Command } from 'commander';

/** The flags that set factory_config.md keys (also used by `factory bench suite`). */
export type SettingOptions = {
  set: string[];
  engine?: string;
  supervisor?: string;
  sandbox?: string;
  mode?: string;
  testCmd?: string;
  script?: string;
  maxRounds?: string;
};

export type RunOptions = SettingOptions & { dir: string; allowDirty?: boolean; unlock?: string[] };

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

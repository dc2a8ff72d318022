// Turns run options back into `factory run` arguments, for a run started in the background by `factory tui`.
import { flagSettings, type RunOptions } from './run-options.js';

/** Every setting goes as --set KEY=VALUE, from the one mapping of flags to keys (flagSettings). */
export function runArgs(options: RunOptions): string[] {
  const args = ['run', '--dir', options.dir];
  for (const [key, value] of Object.entries(flagSettings(options))) args.push('--set', `${key}=${value}`);
  if (options.allowDirty) args.push('--allow-dirty');
  for (const path of options.unlock ?? []) args.push('--unlock', path);
  return args;
}

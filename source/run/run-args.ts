// Turns run options back into `factory run` arguments, for a run started in the background by `factory tui`.
import type { RunOptions } from './run-options.js';

export function runArgs(options: RunOptions): string[] {
  const args = ['run', '--dir', options.dir];
  for (const pair of options.set) args.push('--set', pair);
  const named: [string, string | undefined][] = [
    ['--engine', options.engine],
    ['--supervisor', options.supervisor],
    ['--sandbox', options.sandbox],
    ['--mode', options.mode],
    ['--test-cmd', options.testCmd],
    ['--script', options.script],
    ['--max-rounds', options.maxRounds],
  ];
  for (const [flag, value] of named) if (value !== undefined) args.push(flag, value);
  if (options.allowDirty) args.push('--allow-dirty');
  return args;
}

// The `factory` command line: parses arguments and loads each command's code only when it runs, to start fast.
import { Command, Option } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { addRunOptions } from './run/run-options.js';

const program = new Command('factory')
  .description('Turns a folder of requirements into working, tested, committed code with AI agents in a test-driven loop.')
  .version(packageJson.version, '-v, --version')
  .showHelpAfterError('(run with --help for usage)');

program
  .command('init')
  .description('create factory_config.md, RFP/ templates and the LEGO folders; git init when needed (never overwrites)')
  .argument('[dir]', 'project folder', '.')
  .addOption(new Option('--no-lego', 'without the LEGO folders (sets LEGO_MODE=false)'))
  .action(async (dir: string, options: { lego: boolean }) => (await import('./commands/init.js')).initCommand(dir, options));

addRunOptions(program.command('run').description('run the loop headless: one line per event, exit 0 only when every task ends green'))
  .option('--json', 'write every event as one JSON line (NDJSON) on stdout')
  .option('--verbose', "also print the worker's streamed output")
  .action(async (options) => (await import('./commands/run.js')).runCommand(options));

addRunOptions(program.command('doctor').description('check every moving part of the configured run (git, config, RFP, engines, sandbox, tests) and say how to fix what is missing'))
  .option('--json', 'the checks as JSON')
  .action(async (options) => (await import('./commands/doctor.js')).doctorCommand(options));

program
  .command('status')
  .description('where the run in this folder stands, read from .factory/')
  .option('-C, --dir <dir>', 'project folder', '.')
  .action(async (options: { dir: string }) => (await import('./commands/status.js')).statusCommand(options));

program
  .command('reset')
  .description('return the project to a clean start: removes .factory/ (your files and git history stay)')
  .option('-C, --dir <dir>', 'project folder', '.')
  .option('--hard', "also go back to the branch the run started from and delete the factory's branches (asks first)")
  .option('-y, --yes', 'do not ask')
  .action(async (options: { dir: string; hard?: boolean; yes?: boolean }) => (await import('./commands/reset.js')).resetCommand(options));

program
  .command('bench')
  .description('measure overheads side by side (factory bench to list the benchmarks)')
  .argument('[name]', 'which benchmark: sandbox')
  .argument('[options...]', "the benchmark's own options (factory bench <name> --help)")
  .allowUnknownOption()
  .helpOption(false)
  .action(async (name: string | undefined, args: string[]) => (await import('./commands/bench.js')).benchCommand(name, args));

program.parseAsync().catch(async (error: unknown) => (await import('./run/fail.js')).fail(error));

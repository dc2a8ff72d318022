// The `factory` command line's commands and options (source/cli.ts parses with it): each command's code is loaded only
// when it runs, to start fast. scripts/build.mjs also reads its help, for bin/factory.js to answer `--help` alone.
import { Command, Option } from 'commander';
import packageJson from '../package.json' with { type: 'json' };

type RunOptionsModule = typeof import('./run/run-options.js');
type AddOptions = (command: Command, options: RunOptionsModule) => void;

// The options that come from the key table are added when their command runs or shows its help (commander's
// preSubcommand hook, before the command parses), so `factory --help` loads neither the table nor those options. The
// command's own options are there from the start (the listing's "[options]"); the table's are put before them.
const deferred = new Map<Command, AddOptions>();
function withRunOptions(command: Command, add: AddOptions): Command {
  deferred.set(command, add);
  return command;
}
async function addDeferredOptions(_parent: Command, command: Command): Promise<void> {
  const add = deferred.get(command);
  if (!add) return;
  deferred.delete(command);
  const options = command.options as Option[];
  const own = options.splice(0);
  add(command, await import('./run/run-options.js'));
  options.push(...own);
}

export const program = new Command('factory')
  .description(
    'Turns a folder of requirements into working, tested, committed code with AI agents in a test-driven loop.',
  )
  .version(packageJson.version, '-v, --version')
  .showHelpAfterError('(run with --help for usage)')
  // Options belong to the command they follow (`bench --json` and `bench suite DIR --json` are different flags).
  .enablePositionalOptions()
  .hook('preSubcommand', addDeferredOptions);

program
  .command('init')
  .description('create factory_config.md, RFP/ templates and the LEGO folders; git init when needed (never overwrites)')
  .argument('[dir]', 'project folder', '.')
  .addOption(new Option('--no-lego', 'without the LEGO folders (sets LEGO_MODE=false)'))
  .action(async (dir: string, options: { lego: boolean }) =>
    (await import('./commands/init.js')).initCommand(dir, options),
  );

withRunOptions(
  program
    .command('run')
    .description('run the loop headless: one line per event, exit 0 only when every task ends green')
    .option('--json', 'write every event as one JSON line (NDJSON) on stdout')
    .option('--verbose', "also print the worker's streamed output"),
  (command, { addOptionsFile, addRunOptions }) => addRunOptions(addOptionsFile(command)),
).action(async (options) => (await import('./run/run-command.js')).runCommand(options));

withRunOptions(
  program
    .command('doctor')
    .description(
      'check every moving part of the configured run (git, config, RFP, engines, sandbox, tests) and say how to ' +
        'fix what is missing',
    )
    .option('--json', 'the checks as JSON'),
  (command, { addRunOptions }) => addRunOptions(command),
).action(async (options) => (await import('./commands/doctor.js')).doctorCommand(options));

withRunOptions(
  program
    .command('tui')
    .description('the full-screen dashboard: attaches to the run going in this folder, or starts one')
    .option('--pane <pane>', 'show one pane full size: worker, tests, supervisor or diff')
    .option('--line <n>', "follow the n-th production line (tasks run side by side): its place's tasks, one by one")
    .option('--theme <name>', 'colour theme: dark, light or high-contrast (NO_COLOR turns colour off)')
    .option('--save-theme', 'keep --theme as your default')
    .option('--attach', 'only attach: wait up to 30 s for a run another terminal is starting, never start one'),
  (command, { addOptionsFile, addRunOptions }) => addRunOptions(addOptionsFile(command)),
).action(async (options) => {
  return (await import('./commands/tui.js')).tuiCommand(options);
});

// Started by the claude and gemini CLIs for each worker call, never by hand: it serves the engine's tools over MCP.
program
  .command('mcp-server', { hidden: true })
  .description("internal: factory's MCP server for one worker call")
  .requiredOption('--socket <path>', "the engine's tool socket for the call")
  .action(async (options: { socket: string }) =>
    (await import('./commands/mcp-server.js')).mcpServerCommand(options, packageJson.version),
  );

program
  .command('demo')
  .description('play a recorded run of a sample project through the dashboard: no AI, no Docker, no network')
  .option('--dir <dir>', 'where to put the sample project (new or empty folder; default: a temp folder)')
  .option('--pane <pane>', 'show one pane full size: worker, tests, supervisor or diff')
  .option('--theme <name>', 'colour theme: dark, light or high-contrast')
  .action(async (options) => {
    return (await import('./commands/demo.js')).demoCommand(options);
  });

withRunOptions(
  program
    .command('tmux')
    .description('open a tmux session with four dashboard panes attached to one run (started if none is going)')
    .option('--session <name>', 'tmux session name (default: factory-<folder>)')
    .option('--theme <name>', 'colour theme for every pane')
    .option('--detached', 'create the session without attaching to it')
    .option(
      '--windows [count]',
      'one window per production line instead of four panes, each a dashboard following its line (default: ' +
        'MAX_PARALLEL)',
    ),
  (command, { addRunOptions }) => addRunOptions(command),
).action(async (options) => (await import('./commands/tmux.js')).tmuxCommand(options));

program
  .command('set')
  .description(
    'change a limit of the run going on in this folder, from its next round (MAX_ROUNDS, the valves, the caps, ' +
      'WORKER_MODEL, MODE; MAX_PARALLEL from the next task start)',
  )
  .argument('<KEY=VALUE>', 'the setting, checked like factory_config.md')
  .option('-C, --dir <dir>', 'project folder', '.')
  .action(async (pair: string, options: { dir: string }) =>
    (await import('./commands/set.js')).setCommand(pair, options),
  );

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
  .action(async (options: { dir: string; hard?: boolean; yes?: boolean }) =>
    (await import('./commands/reset.js')).resetCommand(options),
  );

const bench = program
  .command('bench')
  .enablePositionalOptions()
  .hook('preSubcommand', addDeferredOptions)
  .description("the project's own benchmarks (SPEC section 7), or `bench suite DIR` to measure an engine on exercises")
  .argument('[name]', 'one benchmark: sandbox, round, startup or parallel (default: all)')
  .option('--json', 'print the figures as JSON')
  .option('--markdown', 'print a Markdown table (for the README)')
  .option('--rounds <n>', 'round (and parallel, its reference): rounds measured (default 30)')
  .option('--files <n>', 'round (and parallel, its reference): files in the generated repository (default 10000)')
  .option('--runs <n>', 'sandbox, startup: runs of each (default 20; sandbox needs at least 20); parallel: default 1')
  .option('--image <name>', 'sandbox: the image to run in (default: the python sandbox image)')
  .option('--no-cli', 'sandbox: skip the docker CLI rows')
  .option('--tasks <n>', 'parallel: independent tasks played (default 6)')
  .option('--calls-ms <ms>', "parallel: each scripted worker call's time in ms (default 3000)")
  .action(async (name: string | undefined, options) =>
    (await import('./commands/bench.js')).benchCommand(name, options),
  );

withRunOptions(
  bench
    .command('suite')
    .description('run the factory on every exercise of DIR (Exercism layout), each in a fresh copy; resumable')
    .argument('<dir>', 'folder of exercises (each with .docs/instructions.md, a stub and a test file)')
    .option('--jobs <n>', 'exercises run at the same time', '2')
    .option('--out <dir>', 'results folder (default: bench-results/<name of DIR>)')
    .option('--fresh', 'forget earlier results in the results folder and run every exercise')
    .option('--keep', "keep the exercises' working copies")
    .option('--json', 'print the results as JSON'),
  (command, { addSettingOptions }) => addSettingOptions(command),
).action(async (dir: string, options) => (await import('./commands/bench-suite.js')).benchSuiteCommand(dir, options));

bench
  .command('tui')
  .description(
    'a worker streaming --rate lines/s for --seconds into the dashboard on a pseudo-terminal: frames, ' +
      'event-to-frame delay, CPU, memory',
  )
  .option('--seconds <n>', 'how long the worker streams', '10')
  .option('--rate <n>', 'lines per second', '5000')
  .addOption(
    new Option('--child <dir>', 'internal: be the dashboard under test, attached to the bench in <dir>').hideHelp(),
  )
  .addOption(new Option('--stats <file>', 'internal: where the dashboard under test writes its figures').hideHelp())
  .action(async (options) => {
    return (await import('./commands/bench-tui.js')).benchTuiCommand(options);
  });

// `factory help <command>` shows that command's help without dispatching to it (so without the hook above): this one
// adds its options first. As commander's own: `help` alone is the program's help, an unknown name that help as an error.
program
  .helpCommand(false)
  .command('help [command]')
  .description('display help for command')
  .action(async (name: string | undefined) => {
    const command = program.commands.find((each) => each.name() === name && name !== 'help');
    if (!command) return program.help({ error: name !== undefined });
    await addDeferredOptions(program, command);
    command.help();
  });

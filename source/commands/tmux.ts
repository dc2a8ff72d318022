// `factory tmux`: a new tmux session with four panes, each an attached `factory tui --pane`, steering one run; with
// --windows, a window per production line instead, each a whole dashboard following its line (`factory tui --line`).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { UserError } from '../../engine/util/errors.js';
import { cliEntry } from '../../engine/util/package-root.js';
import { loadConfig } from '../../engine/config/load-config.js';
import { flagSettings, type RunOptions } from '../run/run-options.js';
import { userSettings } from '../user-defaults.js';
import { writeRunOptions } from '../run/run-options-file.js';

/** windows: true (one per MAX_PARALLEL line) or the count given. */
export type TmuxOptions = RunOptions & {
  session?: string;
  theme?: string;
  detached?: boolean;
  windows?: string | true;
};

const quote = (word: string): string => `'${word.replaceAll("'", "'\\''")}'`;

export function tmuxCommand(options: TmuxOptions): void {
  const projectDir = path.resolve(options.dir);
  const session = options.session ?? `factory-${path.basename(projectDir).replace(/[^\w-]/g, '_')}`;
  const factory = `${quote(process.execPath)} ${quote(cliEntry())}`;
  const theme = options.theme ? ` --theme ${quote(options.theme)}` : '';
  // Checked before anything is written.
  const windows = options.windows === undefined ? undefined : windowCount(projectDir, options);
  // The first pane starts the run (or attaches) with the options
  // as data; the others wait for it (--attach), then attach.
  const optionsFile = writeRunOptions(projectDir, options);
  const start = `${factory} tui --options-file ${quote(optionsFile)}`;
  const attach = `${factory} tui --dir ${quote(projectDir)} --attach`;
  const tmux = (...args: string[]): string => {
    try {
      return execFileSync('tmux', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      const err = error as NodeJS.ErrnoException & { stderr?: string };
      if (err.code === 'ENOENT')
        throw new UserError('tmux is not installed (apt-get install tmux, or brew install tmux)');
      throw new UserError(`tmux ${args[0]} failed: ${err.stderr?.trim() ?? err.message}`);
    }
  };
  if (windows === undefined) {
    const pane = (name: string): string => `--pane ${name}${theme}`;
    tmux('new-session', '-d', '-s', session, '-c', projectDir, '-x', '200', '-y', '50', `${start} ${pane('worker')}`);
    tmux('split-window', '-h', '-t', `${session}:0.0`, '-c', projectDir, `${attach} ${pane('tests')}`);
    tmux('split-window', '-v', '-t', `${session}:0.0`, '-c', projectDir, `${attach} ${pane('supervisor')}`);
    tmux('split-window', '-v', '-t', `${session}:0.2`, '-c', projectDir, `${attach} ${pane('diff')}`);
    tmux('select-pane', '-t', `${session}:0.0`);
  } else {
    // Window N follows line N; the first starts the run, the others attach to it.
    const line = (n: number): string => `--line ${n}${theme}`;
    const size = ['-x', '200', '-y', '50'];
    tmux('new-session', '-d', '-s', session, '-n', 'line-1', '-c', projectDir, ...size, `${start} ${line(1)}`);
    for (let n = 2; n <= windows; n++)
      tmux('new-window', '-d', '-t', `${session}:`, '-n', `line-${n}`, '-c', projectDir, `${attach} ${line(n)}`);
    tmux('select-window', '-t', `${session}:line-1`);
  }
  const ready = (why = ''): void => {
    process.stdout.write(`factory: tmux session "${session}" is ready${why}: ${attachCommand(session)}\n`);
  };
  if (options.detached || !process.stdout.isTTY) ready();
  else if (!process.env.TMUX) execFileSync('tmux', ['attach-session', '-t', session], { stdio: 'inherit' });
  // Inside tmux, switch-client moves the client showing this pane; a session no one has attached to has none.
  else if (!tmux('display-message', '-p', '#{client_name}').trim()) ready(' (no tmux client is attached here)');
  else execFileSync('tmux', ['switch-client', '-t', session], { stdio: 'inherit' });
}

/** --windows N, or without N one window per line the run may run at once (MAX_PARALLEL, as the run would read it). */
function windowCount(projectDir: string, options: TmuxOptions): number {
  if (options.windows === true)
    return loadConfig(projectDir, { flags: flagSettings(options), userDefaults: userSettings() }).maxParallel;
  if (/^[1-9]\d?$/.test(options.windows ?? '')) return Number(options.windows);
  throw new UserError(
    `--windows is "${options.windows}"; allowed: a count of windows, 1 to 99 (or none: MAX_PARALLEL)`,
  );
}

/**
 * How to attach from another terminal: inside tmux the session
 * is on this tmux's server, which may not be the default one.
 */
function attachCommand(session: string): string {
  const socket = process.env.TMUX?.split(',')[0];
  const uid = process.getuid?.() ?? 0;
  const defaultSocket = path.join(process.env.TMUX_TMPDIR || '/tmp', `tmux-${uid}`, 'default');
  const server = socket && path.resolve(socket) !== defaultSocket ? `-S ${quote(socket)} ` : '';
  return `tmux ${server}attach -t ${quote(session)}`;
}

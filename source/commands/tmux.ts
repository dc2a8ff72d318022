// `factory tmux`: a new tmux session with four panes, each an attached `factory tui --pane`, steering one run.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { UserError } from '../../engine/util/errors.js';
import { cliEntry } from '../../engine/util/package-root.js';
import type { RunOptions } from '../run/run-options.js';
import { writeRunOptions } from '../run/run-options-file.js';

export type TmuxOptions = RunOptions & { session?: string; theme?: string; detached?: boolean };

const quote = (word: string): string => `'${word.replaceAll("'", "'\\''")}'`;

export function tmuxCommand(options: TmuxOptions): void {
  const projectDir = path.resolve(options.dir);
  const session = options.session ?? `factory-${path.basename(projectDir).replace(/[^\w-]/g, '_')}`;
  const factory = `${quote(process.execPath)} ${quote(cliEntry())}`;
  const theme = options.theme ? ` --theme ${quote(options.theme)}` : '';
  // The first pane starts the run (or attaches) with the options
  // as data; the others wait for it (--attach), then attach.
  const optionsFile = writeRunOptions(projectDir, options);
  const first = `${factory} tui --options-file ${quote(optionsFile)} --pane worker${theme}`;
  const attach = (pane: string): string => `${factory} tui --dir ${quote(projectDir)} --attach --pane ${pane}${theme}`;
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
  tmux('new-session', '-d', '-s', session, '-c', projectDir, '-x', '200', '-y', '50', first);
  tmux('split-window', '-h', '-t', `${session}:0.0`, '-c', projectDir, attach('tests'));
  tmux('split-window', '-v', '-t', `${session}:0.0`, '-c', projectDir, attach('supervisor'));
  tmux('split-window', '-v', '-t', `${session}:0.2`, '-c', projectDir, attach('diff'));
  tmux('select-pane', '-t', `${session}:0.0`);
  const ready = (why = ''): void => {
    process.stdout.write(`factory: tmux session "${session}" is ready${why}: ${attachCommand(session)}\n`);
  };
  if (options.detached || !process.stdout.isTTY) ready();
  else if (!process.env.TMUX) execFileSync('tmux', ['attach-session', '-t', session], { stdio: 'inherit' });
  // Inside tmux, switch-client moves the client showing this pane; a session no one has attached to has none.
  else if (!tmux('display-message', '-p', '#{client_name}').trim()) ready(' (no tmux client is attached here)');
  else execFileSync('tmux', ['switch-client', '-t', session], { stdio: 'inherit' });
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

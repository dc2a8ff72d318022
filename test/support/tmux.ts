// Drives a private tmux server for real-terminal tests: start commands in panes, press keys, read the screen.
import { execa, execaSync } from 'execa';

/** Reason to skip when tmux is missing; under CI=true it fails instead. */
export function requireTmux(): string | undefined {
  if (execaSync('tmux', ['-V'], { reject: false }).exitCode === 0) return undefined;
  if (process.env.CI === 'true') throw new Error('CI=true but tmux is not installed (apt-get install tmux)');
  return 'tmux is not installed';
}

export class Tmux {
  /** A server of our own (-L), so tests never touch the user's sessions. */
  constructor(readonly server = `factory-test-${process.pid}-${Date.now()}`) {}

  async run(...args: string[]): Promise<string> {
    const { stdout } = await execa('tmux', ['-L', this.server, '-f', '/dev/null', ...args]);
    return stdout;
  }

  start(session: string, command: string, size = { columns: 110, rows: 32 }): Promise<string> {
    return this.run('new-session', '-d', '-s', session, '-x', String(size.columns), '-y', String(size.rows), command);
  }

  screen(target: string): Promise<string> {
    return this.run('capture-pane', '-p', '-t', target);
  }

  keys(target: string, ...keys: string[]): Promise<string> {
    return this.run('send-keys', '-t', target, ...keys);
  }

  type(target: string, text: string): Promise<string> {
    return this.run('send-keys', '-t', target, '-l', text);
  }

  async alternateScreen(target: string): Promise<boolean> {
    return (await this.run('display-message', '-p', '-t', target, '#{alternate_on}')).trim() === '1';
  }

  async kill(): Promise<void> {
    await execa('tmux', ['-L', this.server, 'kill-server'], { reject: false });
  }
}

// Renders the real Dashboard into a fake terminal, fed by a TestChannel (or a given source, e.g. a real attach client), for component tests.
import { render } from 'ink';
import Dashboard from '../../components/Dashboard.js';
import type { PaneId } from '../../components/dashboard-state.js';
import type { QuitMode } from '../../components/key-actions.js';
import type { EventSource } from '../../components/use-engine.js';
import type { EngineCommand } from '../../engine/contract/commands.js';
import { dark } from '../../themes/dark.js';
import type { Theme } from '../../themes/theme.js';
import { TestChannel } from './factory-events.js';
import { TestStdin, TestStdout } from './fake-terminal.js';

export function renderDashboard(
  options: {
    columns?: number;
    rows?: number;
    theme?: Theme;
    pane?: PaneId;
    /** factory tui --line: the production line's place to follow. */
    line?: number;
    source?: EventSource & { send(command: EngineCommand): void };
  } = {},
) {
  const stdout = new TestStdout(options.columns ?? 100, options.rows ?? 30);
  const stdin = new TestStdin();
  const channel = new TestChannel();
  const quits: QuitMode[] = [];
  const app = render(
    <Dashboard
      source={options.source ?? channel}
      theme={options.theme ?? dark}
      pane={options.pane}
      line={options.line}
      onQuit={(mode) => quits.push(mode)}
    />,
    {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      exitOnCtrlC: false,
      patchConsole: false,
      debug: true,
    },
  );
  return { stdout, stdin, channel, quits, app, frame: () => stdout.lastFrame() };
}

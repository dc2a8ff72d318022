// Renders the real Dashboard into a fake terminal, fed by a TestChannel (or a given source, e.g. a real attach client), for component tests.
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink';
import { afterEach, expect, vi } from 'vitest';
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

export type RenderedDashboard = ReturnType<typeof renderDashboard>;

/** How a test file opens dashboards: each one is unmounted after the test that opened it. */
export function dashboardsUnmountedAfterEach(): (...args: Parameters<typeof renderDashboard>) => RenderedDashboard {
  const mounted: RenderedDashboard[] = [];
  afterEach(() => {
    for (const view of mounted.splice(0)) view.app.unmount();
  });
  return (...args) => {
    const view = renderDashboard(...args);
    mounted.push(view);
    return view;
  };
}

/** The last frame, without its colours. */
export const plain = (view: RenderedDashboard): string => stripVTControlCharacters(view.frame());

/** Waits (up to 3 s) until the frame shows `text`. */
export const shows = async (view: RenderedDashboard, text: string): Promise<void> =>
  vi.waitFor(() => expect(plain(view)).toContain(text), { timeout: 3000 });

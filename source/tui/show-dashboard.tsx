// Renders the dashboard full screen on this terminal until the user quits; says what happens to the run after.
import { render } from 'ink';
import type { AttachClient } from '../../engine/attach/attach-client.js';
import Dashboard from '../../components/Dashboard.js';
import type { PaneId } from '../../components/dashboard-state.js';
import type { QuitMode } from '../../components/key-actions.js';
import type { Theme } from '../../themes/theme.js';
import { restoreOnCrash } from './restore-on-crash.js';

export type ShowOptions = {
  theme: Theme;
  pane?: PaneId;
  /** The production line's place to follow (--line). */
  line?: number;
  /** Called after each frame is written (the bench counts frames with it). */
  onFrame?: () => void;
  /** The run being started or attached to: if it fails, the dashboard closes and the error is thrown. */
  starting?: Promise<unknown>;
};

export async function showDashboard(client: AttachClient, options: ShowOptions): Promise<QuitMode> {
  let mode: QuitMode = 'leave';
  const app = render(
    <Dashboard
      source={client}
      theme={options.theme}
      pane={options.pane}
      line={options.line}
      onQuit={(chosen) => (mode = chosen)}
      interactive={process.stdin.isTTY === true}
    />,
    {
      // Ink enters the alternate screen and leaves it on unmount, on exit and on signals.
      alternateScreen: true,
      // A real terminal is drawn frame by frame even where CI is set (Ink's own guess would draw only the last frame).
      interactive: process.stdout.isTTY === true,
      exitOnCtrlC: false,
      patchConsole: false,
      // useEngine already batches events to ~20 per second; Ink's own throttle only has to not add to it.
      maxFps: 60,
      onRender: options.onFrame,
    },
  );
  const stopWatching = restoreOnCrash(() => app.unmount());
  try {
    let failure: { error: unknown } | undefined;
    options.starting?.catch((error: unknown) => {
      failure = { error };
      app.unmount();
    });
    await app.waitUntilExit();
    if (failure) throw failure.error;
  } finally {
    stopWatching();
    client.close();
  }
  return mode;
}

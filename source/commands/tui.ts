// `factory tui`: attaches the dashboard to the run going in this folder, or starts one in the background first.
import path from 'node:path';
import { attachToRun, waitForRun, type AttachClient } from '../../engine/attach/attach-client.js';
import { UserError } from '../../engine/util/errors.js';
import { paneIds, type PaneId } from '../../components/dashboard-state.js';
import { pickTheme } from '../../themes/pick-theme.js';
import type { RunOptions } from '../run/run-options.js';
import { withOptionsFile } from '../run/run-options-file.js';
import { engineLog, startBackgroundRun } from '../run/start-background-run.js';
import { lateClient } from '../run/late-client.js';
import { readUserDefaults, saveUserTheme } from '../user-defaults.js';

export type TuiOptions = RunOptions & {
  optionsFile?: string;
  pane?: string;
  theme?: string;
  saveTheme?: boolean;
  attach?: boolean;
  preflight?: Promise<void>;
};

export async function tuiCommand(given: TuiOptions): Promise<void> {
  const options = withOptionsFile(given);
  const projectDir = path.resolve(options.dir);
  const pane = checkPane(options.pane);
  const theme = pickTheme(options.theme, readUserDefaults().theme);
  if (options.saveTheme) {
    if (!options.theme)
      throw new UserError('--save-theme keeps the theme named by --theme; add --theme dark, light or high-contrast');
    await saveUserTheme(options.theme);
  }
  if (!process.stdout.isTTY)
    throw new UserError('factory tui needs a terminal; use `factory run` (or `factory run --json`) for plain output');
  const running = await attachToRun(projectDir);
  // The dashboard draws while the engine starts; it attaches as soon as the run answers.
  const start = (): Promise<AttachClient> =>
    options.attach ? awaitRun(projectDir) : startBackgroundRun(projectDir, options);
  const connecting = running ? Promise.resolve(running) : (options.preflight ?? Promise.resolve()).then(start);
  const client = lateClient(connecting);
  let ended = false;
  void client.closed.then(() => (ended = true));
  // Ink only loads for UI commands: `factory --version` and `factory run` stay fast.
  const { showDashboard } = await import('../tui/show-dashboard.js');
  const mode = await showDashboard(client, { theme, pane, starting: connecting });
  if (!ended && mode === 'leave')
    process.stdout.write(
      `factory: the run goes on headless in ${projectDir}; attach again with \`factory tui\` (log: ` +
        `${engineLog(projectDir)})\n`,
    );
  if (mode === 'stop') process.stdout.write('factory: the run stops after its current step\n');
}

/** --attach: another terminal is starting the run (factory tmux); wait for it rather than start a second one. */
async function awaitRun(projectDir: string): Promise<AttachClient> {
  const client = await waitForRun(projectDir, () => true, 30_000);
  if (!client)
    throw new UserError(
      `--attach: no run started in ${projectDir} within 30 s; start one with \`factory tui\` or \`factory run\``,
    );
  return client;
}

function checkPane(pane: string | undefined): PaneId | undefined {
  if (pane === undefined) return undefined;
  if ((paneIds as readonly string[]).includes(pane)) return pane as PaneId;
  throw new UserError(`--pane is "${pane}"; allowed: ${paneIds.join(', ')}`);
}

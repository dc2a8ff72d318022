// `factory tui`: attaches the dashboard to the run going in this folder, or starts one in the background first.
import path from 'node:path';
import { attachToRun, waitForRun, type AttachClient } from '../../engine/attach/attach-client.js';
import { factoryPaths } from '../../engine/reports/factory-dir.js';
import { UserError } from '../../engine/util/errors.js';
import { paneIds, type PaneId } from '../../components/dashboard-state.js';
import { pickTheme } from '../../themes/pick-theme.js';
import type { RunOptions } from '../run/run-options.js';
import { lateClient } from '../run/late-client.js';
import { readUserDefaults, saveUserTheme } from '../user-defaults.js';

export type TuiOptions = RunOptions & {
  optionsFile?: string;
  pane?: string;
  /** Follow the N-th production line's place (factory tmux --windows gives each window one). */
  line?: string;
  theme?: string;
  saveTheme?: boolean;
  attach?: boolean;
  /** Work the run needs done first (the demo's project), begun once the first frame is drawn. */
  preflight?: () => Promise<void>;
};

export async function tuiCommand(given: TuiOptions): Promise<void> {
  // The options file's reader (and its zod schemas) loads only when there is one: the first frame needs neither.
  const options = given.optionsFile ? (await import('../run/run-options-file.js')).withOptionsFile(given) : given;
  const projectDir = path.resolve(options.dir);
  const pane = checkPane(options.pane);
  const line = checkLine(options.line);
  const theme = pickTheme(options.theme, readUserDefaults().theme);
  if (options.saveTheme) {
    if (!options.theme)
      throw new UserError('--save-theme keeps the theme named by --theme; add --theme dark, light or high-contrast');
    await saveUserTheme(options.theme);
  }
  if (!process.stdout.isTTY)
    throw new UserError('factory tui needs a terminal; use `factory run` (or `factory run --json`) for plain output');
  const running = await attachToRun(projectDir);
  // The dashboard draws first; the run is prepared and started behind its first frame (so none of that work, nor
  // its modules, delays the frame), and the dashboard attaches as soon as the run answers.
  let onFrame = (): void => undefined;
  const drawn = new Promise<void>((resolve) => (onFrame = resolve));
  const start = async (): Promise<AttachClient> => {
    await drawn;
    await options.preflight?.();
    if (options.attach) return awaitRun(projectDir);
    return (await import('../run/start-background-run.js')).startBackgroundRun(projectDir, options);
  };
  const connecting = running ? Promise.resolve(running) : start();
  const client = lateClient(connecting);
  let ended = false;
  void client.closed.then(() => (ended = true));
  // Ink only loads for UI commands: `factory --version` and `factory run` stay fast.
  const { showDashboard } = await import('../tui/show-dashboard.js');
  const mode = await showDashboard(client, { theme, pane, line, starting: connecting, onFrame });
  if (!ended && mode === 'leave')
    process.stdout.write(
      `factory: the run goes on headless in ${projectDir}; attach again with \`factory tui\` (log: ` +
        `${factoryPaths(projectDir).engineLog})\n`,
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

function checkLine(line: string | undefined): number | undefined {
  if (line === undefined) return undefined;
  if (/^[1-9]\d?$/.test(line)) return Number(line);
  throw new UserError(`--line is "${line}"; allowed: a line's place, 1 to 99 (1: the first line, as by default)`);
}

function checkPane(pane: string | undefined): PaneId | undefined {
  if (pane === undefined) return undefined;
  if ((paneIds as readonly string[]).includes(pane)) return pane as PaneId;
  throw new UserError(`--pane is "${pane}"; allowed: ${paneIds.join(', ')}`);
}

// The full-screen dashboard: status bar, banner, four panes (or one zoomed), overlays and footer; it renders events and
// sends commands.
import { Box, useApp, useWindowSize } from 'ink';
import { useEffect } from 'react';
import type { EngineCommand } from '../engine/contract/commands.js';
import type { Theme } from '../themes/theme.js';
import Banner from './Banner.js';
import {
  shownDiff,
  shownDiffIndex,
  shownLine,
  shownStatus,
  type DashboardState,
  type PaneId,
} from './dashboard-state.js';
import DiffPane from './DiffPane.js';
import Footer from './Footer.js';
import HelpOverlay from './HelpOverlay.js';
import { keyActions, type QuitMode } from './key-actions.js';
import LimitsForm from './LimitsForm.js';
import LinesStrip from './LinesStrip.js';
import { stripRoom, stripRows } from './lines-strip-rows.js';
import QuitConfirm from './QuitConfirm.js';
import RedirectInput from './RedirectInput.js';
import StatusBar from './StatusBar.js';
import SupervisorPane from './SupervisorPane.js';
import TestsPane from './TestsPane.js';
import { ThemeContext } from './theme-context.js';
import { useEngine, type EventSource } from './use-engine.js';
import { useKeymap } from './use-keymap.js';
import WorkerPane from './WorkerPane.js';

type Props = {
  /** Where events come from and commands go: the attach channel of the run. */
  readonly source: EventSource & { send(command: EngineCommand): void };
  readonly theme: Theme;
  /** Show this one pane only (factory tui --pane). */
  readonly pane?: PaneId;
  /** Follow the N-th production line's place from the start (factory tui --line). */
  readonly line?: number;
  /** Called once when the user quits; the dashboard has already unmounted its input. */
  readonly onQuit: (mode: QuitMode) => void;
  /** False when stdin cannot be read key by key. */
  readonly interactive?: boolean;
};

export default function Dashboard({ source, theme, pane, line, onQuit, interactive = true }: Props) {
  const [state, dispatch] = useEngine(source);
  const { columns, rows } = useWindowSize();
  const { exit } = useApp();
  // One row short of the screen: a frame as tall as the terminal makes Ink clear the screen on every render (flicker).
  const height = Math.max(6, rows - 1);
  const overlayRows = state.overlay === 'redirect' || state.overlay === 'quit' ? 3 : 0;
  const { lines } = state.status;
  const shown = shownLine(state)?.task;
  const strip = lines.length > 1 ? stripRows(lines, shown, stripRoom(height)) : undefined;
  const stripHeight = strip ? strip.lines.length + (strip.more ? 1 : 0) : 0;
  const body = Math.max(3, height - 3 - overlayRows - stripHeight);
  const quit = (mode: QuitMode): void => {
    onQuit(mode);
    exit();
  };
  const handlers = keyActions({
    state,
    dispatch,
    send: source.send,
    quit,
    page: Math.max(1, Math.floor(body / 2) - 3),
  });
  useKeymap(state, handlers, dispatch, interactive);
  useEffect(() => {
    if (pane) dispatch({ type: 'focus', pane });
  }, [pane, dispatch]);
  useEffect(() => {
    if (line) dispatch({ type: 'follow-line', slot: line });
  }, [line, dispatch]);
  const single = pane ?? state.zoom;
  return (
    <ThemeContext.Provider value={theme}>
      <Box flexDirection="column" width={columns} height={height}>
        <StatusBar status={shownStatus(state)} models={state.models} width={columns} />
        <Banner state={state} width={columns} />
        {strip ? <LinesStrip lines={lines} shown={shown} width={columns} height={stripHeight} /> : null}
        {state.overlay === 'help' ? (
          <HelpOverlay state={state} width={columns} height={body} />
        ) : state.overlay === 'limits' ? (
          <LimitsForm form={state.limits} settings={state.settings} draft={state.draft} width={columns} height={body} />
        ) : single ? (
          renderPane(state, single, columns, body, true)
        ) : (
          <Grid state={state} width={columns} height={body} />
        )}
        {state.overlay === 'redirect' ? <RedirectInput draft={state.draft} task={shown} width={columns} /> : null}
        {state.overlay === 'quit' ? <QuitConfirm width={columns} /> : null}
        <Footer state={state} width={columns} />
      </Box>
    </ThemeContext.Provider>
  );
}

function Grid({
  state,
  width,
  height,
}: {
  readonly state: DashboardState;
  readonly width: number;
  readonly height: number;
}) {
  const top = Math.ceil(height / 2);
  const left = Math.ceil(width / 2);
  return (
    <Box flexDirection="column" height={height}>
      <Box height={top}>
        {renderPane(state, 'worker', left, top, state.focus === 'worker')}
        {renderPane(state, 'tests', width - left, top, state.focus === 'tests')}
      </Box>
      <Box height={height - top}>
        {renderPane(state, 'supervisor', left, height - top, state.focus === 'supervisor')}
        {renderPane(state, 'diff', width - left, height - top, state.focus === 'diff')}
      </Box>
    </Box>
  );
}

function renderPane(state: DashboardState, pane: PaneId, width: number, height: number, focused: boolean) {
  const common = { width, height, focused, scroll: state.scroll[pane] };
  switch (pane) {
    case 'worker':
      return <WorkerPane key={pane} lines={state.worker} engine={state.status.engine} {...common} />;
    case 'tests':
      return <TestsPane key={pane} tests={state.tests} {...common} />;
    case 'supervisor':
      return <SupervisorPane key={pane} entries={state.supervisor} {...common} />;
    case 'diff':
      return (
        <DiffPane
          key={pane}
          diff={shownDiff(state)}
          index={shownDiffIndex(state) + 1}
          count={state.diffs.length}
          {...common}
        />
      );
  }
}

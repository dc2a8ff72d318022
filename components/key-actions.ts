// What each key binding does: a handler per KeyId that turns the key into a UI action or an engine command.
import type { EngineCommand } from '../engine/contract/commands.js';
import { checkLiveSetting } from '../engine/config/live-setting.js';
import { paneIds, shownLine, type DashboardState, type UiAction } from './dashboard-state.js';
import type { KeyId } from './keymap.js';
import { pickedKey } from './limits-state.js';

/** leave: quit and let the run go on; stop: ask the run to stop, then quit. */
export type QuitMode = 'leave' | 'stop';

export type KeyDeps = {
  state: DashboardState;
  dispatch: (action: UiAction) => void;
  send: (command: EngineCommand) => void;
  quit: (mode: QuitMode) => void;
  /** Rows a page scroll moves. */
  page: number;
};

export type KeyHandler = (key: string) => void;

export function keyActions({ state, dispatch, send, quit, page }: KeyDeps): Record<KeyId, KeyHandler> {
  const paused = state.status.state === 'paused' || state.status.state === 'pausing';
  const running = !state.detached && state.status.state !== 'finished' && state.status.state !== 'idle';
  const sent = (command: EngineCommand, text: string): void => {
    send(command);
    dispatch({ type: 'notice', text });
  };
  // With production lines, redirect, escalate, intervene and skip are for the line on screen.
  const line = shownLine(state)?.task;
  const aimed = line === undefined ? {} : { task: line };
  const to = line === undefined ? '' : ` to task ${line}`;
  return {
    pause: () =>
      paused
        ? sent({ type: 'resume' }, 'resume sent')
        : sent({ type: 'pause' }, 'pause sent: the run stops at the next safe point'),
    redirect: () => dispatch({ type: 'overlay', overlay: 'redirect' }),
    escalate: () =>
      sent({ type: 'escalate', ...aimed }, `escalation sent${to}: the run pauses for you at the next safe point`),
    intervene: () =>
      sent({ type: 'intervene', ...aimed }, `intervention sent${to}: edit the files once paused, then press p`),
    skip: () =>
      sent(
        { type: 'skip', ...aimed },
        line === undefined ? 'skip sent: the current task ends now' : `skip sent: task ${line} ends now`,
      ),
    'focus-next': () => dispatch({ type: 'focus-step', by: 1 }),
    'focus-prev': () => dispatch({ type: 'focus-step', by: -1 }),
    zoom: (key) => dispatch({ type: 'zoom', pane: paneIds[Number(key) - 1] ?? 'worker' }),
    'line-step': (key) => dispatch({ type: 'line-step', by: key === '<' ? -1 : 1 }),
    'scroll-up': () => dispatch({ type: 'scroll', by: 1 }),
    'scroll-down': () => dispatch({ type: 'scroll', by: -1 }),
    'page-up': () => dispatch({ type: 'scroll', by: page }),
    'page-down': () => dispatch({ type: 'scroll', by: -page }),
    follow: () => dispatch({ type: 'scroll-bottom' }),
    'diff-older': () => dispatch({ type: 'diff-step', by: -1 }),
    'diff-newer': () => dispatch({ type: 'diff-step', by: 1 }),
    limits: () => dispatch({ type: 'overlay', overlay: 'limits' }),
    help: () => dispatch({ type: 'overlay', overlay: 'help' }),
    quit: () => (running ? dispatch({ type: 'overlay', overlay: 'quit' }) : quit('leave')),
    close: () => dispatch({ type: 'overlay', overlay: 'none' }),
    'help-close': () => dispatch({ type: 'overlay', overlay: 'none' }),
    'help-down': (key) => dispatch({ type: 'help-scroll', by: key === 'pagedown' ? page : 1 }),
    'help-up': (key) => dispatch({ type: 'help-scroll', by: key === 'pageup' ? -page : -1 }),
    'redirect-send': () => {
      const text = state.draft.trim();
      dispatch({ type: 'overlay', overlay: 'none' });
      if (text)
        sent(
          { type: 'redirect', text, ...aimed },
          `redirect sent${to}: it goes into the next prompt${paused ? ' (press p to resume)' : ''}`,
        );
    },
    'limits-down': () => dispatch({ type: 'limits-move', by: 1 }),
    'limits-up': () => dispatch({ type: 'limits-move', by: -1 }),
    'limits-edit': () => dispatch({ type: 'limits-edit' }),
    'limits-submit': () => submitLimit(state, dispatch, send),
    'limits-cancel': () => dispatch({ type: 'limits-cancel' }),
    'quit-stop': () => {
      send({ type: 'stop' });
      quit('stop');
    },
    'quit-keep': () => quit('leave'),
    'quit-stay': () => dispatch({ type: 'overlay', overlay: 'none' }),
  };
}

/** A value is checked here first, with factory_config.md's messages: a bad one never reaches the run. */
function submitLimit(state: DashboardState, dispatch: KeyDeps['dispatch'], send: KeyDeps['send']): void {
  const key = pickedKey(state.limits);
  const checked = checkLiveSetting(key, state.draft, 'dashboard');
  if ('message' in checked) {
    dispatch({ type: 'limits-result', ok: false, text: checked.message });
    return;
  }
  send({ type: 'set', key, value: checked.value });
  dispatch({
    type: 'limits-result',
    ok: true,
    text: `${key}=${checked.value || '(empty)'} sent: it applies from the next round`,
  });
}

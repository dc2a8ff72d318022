// The one list of key bindings: Footer, HelpOverlay, the README key table and the key handler all read it.
import { shownDiffIndex, shownLine, type DashboardState } from './dashboard-state.js';

/**
 * global: always (no overlay); diff: when the Diff pane has focus; overlay: any overlay; limits-edit: the limits form
 * editing a value; the rest: that overlay.
 */
export type KeyScope = 'global' | 'diff' | 'overlay' | 'help' | 'redirect' | 'quit' | 'limits' | 'limits-edit';

export type KeyBinding = {
  readonly id: KeyId;
  /**
   * Key names as keyName() spells them: a character, or tab, shift+tab, escape, return, up, down, pageup, pagedown,
   * ctrl+c.
   */
  readonly keys: readonly string[];
  readonly description: string;
  /** The footer's word for it. */
  readonly short: string;
  readonly scope: KeyScope;
  readonly footer: boolean;
  /** Why the key does nothing now, shown instead of doing nothing; undefined when it works. */
  readonly disabledReason?: (state: DashboardState) => string | undefined;
};

/** @internal the tests walk every key by it. */
export const keyIds = [
  'pause',
  'redirect',
  'escalate',
  'intervene',
  'skip',
  'line-step',
  'focus-next',
  'focus-prev',
  'zoom',
  'scroll-up',
  'scroll-down',
  'page-up',
  'page-down',
  'follow',
  'diff-older',
  'diff-newer',
  'limits',
  'help',
  'quit',
  'close',
  'help-close',
  'help-down',
  'help-up',
  'redirect-send',
  'limits-down',
  'limits-up',
  'limits-edit',
  'limits-submit',
  'limits-cancel',
  'quit-stop',
  'quit-keep',
  'quit-stay',
] as const;
export type KeyId = (typeof keyIds)[number];

const steering = (state: DashboardState): string | undefined => {
  if (state.detached) return 'the engine is gone: nothing to steer';
  if (state.status.state === 'finished') return 'the run has finished';
  if (state.status.state === 'idle') return 'the run has not started yet';
  return undefined;
};

/** Redirect, escalate, intervene and skip go to the line on screen: not to one whose worktree has closed. */
const aimedSteering = (state: DashboardState): string | undefined => {
  const line = shownLine(state);
  const closed = line?.closed
    ? `task ${line.task}'s line has closed (${line.state}): < > select a line at work`
    : undefined;
  return steering(state) ?? closed;
};

export const keymap: readonly KeyBinding[] = [
  {
    id: 'pause',
    keys: ['p'],
    description: 'pause the run at the next safe point, or resume it',
    short: 'pause/resume',
    scope: 'global',
    footer: true,
    disabledReason: steering,
  },
  {
    id: 'redirect',
    keys: ['r'],
    description: 'type an instruction that goes into the next prompt',
    short: 'redirect',
    scope: 'global',
    footer: true,
    disabledReason: aimedSteering,
  },
  {
    id: 'escalate',
    keys: ['e'],
    description: 'escalate: pause the run because the task needs a human',
    short: 'escalate',
    scope: 'global',
    footer: true,
    disabledReason: aimedSteering,
  },
  {
    id: 'intervene',
    keys: ['i'],
    description: 'pause for hand edits; resume continues from the edited tree',
    short: 'intervene',
    scope: 'global',
    footer: true,
    disabledReason: aimedSteering,
  },
  {
    id: 'skip',
    keys: ['s'],
    description: 'skip the current task',
    short: 'skip',
    scope: 'global',
    footer: true,
    disabledReason: aimedSteering,
  },
  {
    id: 'line-step',
    keys: ['<', '>'],
    description: 'select the previous or next production line (tasks run side by side): the four panes follow it',
    short: 'line',
    scope: 'global',
    footer: true,
    disabledReason: (state) =>
      state.status.lines.length < 2 ? 'one line only: tasks run one after the other' : undefined,
  },
  {
    id: 'focus-next',
    keys: ['tab'],
    description: 'focus the next pane',
    short: 'focus',
    scope: 'global',
    footer: true,
  },
  {
    id: 'focus-prev',
    keys: ['shift+tab'],
    description: 'focus the previous pane',
    short: 'focus back',
    scope: 'global',
    footer: false,
  },
  {
    id: 'zoom',
    keys: ['1', '2', '3', '4'],
    description: 'zoom worker, tests, supervisor or diff (again: back to all four)',
    short: 'zoom',
    scope: 'global',
    footer: true,
  },
  {
    id: 'scroll-up',
    keys: ['k', 'up'],
    description: 'scroll the focused pane up (it stops following new output)',
    short: 'scroll',
    scope: 'global',
    footer: true,
  },
  {
    id: 'scroll-down',
    keys: ['j', 'down'],
    description: 'scroll the focused pane down (at the bottom it follows again)',
    short: 'scroll down',
    scope: 'global',
    footer: false,
  },
  {
    id: 'page-up',
    keys: ['pageup'],
    description: 'scroll the focused pane up a page',
    short: 'page up',
    scope: 'global',
    footer: false,
  },
  {
    id: 'page-down',
    keys: ['pagedown'],
    description: 'scroll the focused pane down a page',
    short: 'page down',
    scope: 'global',
    footer: false,
  },
  {
    id: 'follow',
    keys: ['G', 'end'],
    description: 'back to the bottom of the focused pane, following new output',
    short: 'follow',
    scope: 'global',
    footer: false,
  },
  {
    id: 'diff-older',
    keys: ['['],
    description: "show the previous round's diff",
    short: 'older diff',
    scope: 'diff',
    footer: true,
    disabledReason: (state) => (state.diffs.length < 2 ? 'no earlier diff yet' : undefined),
  },
  {
    id: 'diff-newer',
    keys: [']'],
    description: "show the next round's diff",
    short: 'newer diff',
    scope: 'diff',
    footer: true,
    disabledReason: (state) =>
      shownDiffIndex(state) >= state.diffs.length - 1 ? 'already the newest diff' : undefined,
  },
  {
    id: 'limits',
    keys: ['L'],
    description: 'change a limit of the run going on (rounds, streaks, caps, model, mode) from the next round',
    short: 'limits',
    scope: 'global',
    footer: true,
    disabledReason: steering,
  },
  { id: 'help', keys: ['?'], description: 'show every key', short: 'help', scope: 'global', footer: true },
  {
    id: 'quit',
    keys: ['q', 'ctrl+c'],
    description: 'quit (asks when a run is going: stop it, or leave it running headless)',
    short: 'quit',
    scope: 'global',
    footer: true,
  },
  { id: 'close', keys: ['escape'], description: 'close the overlay', short: 'close', scope: 'overlay', footer: true },
  { id: 'help-close', keys: ['?', 'q'], description: 'close the help', short: 'close', scope: 'help', footer: false },
  {
    id: 'help-down',
    keys: ['j', 'down', 'pagedown'],
    description: 'scroll the help down (when it is taller than the screen)',
    short: 'scroll',
    scope: 'help',
    footer: true,
  },
  {
    id: 'help-up',
    keys: ['k', 'up', 'pageup'],
    description: 'scroll the help up',
    short: 'scroll up',
    scope: 'help',
    footer: false,
  },
  {
    id: 'redirect-send',
    keys: ['return'],
    description: 'send the instruction to the run',
    short: 'send',
    scope: 'redirect',
    footer: true,
  },
  {
    id: 'limits-down',
    keys: ['j', 'down'],
    description: 'pick the next setting',
    short: 'pick',
    scope: 'limits',
    footer: true,
  },
  {
    id: 'limits-up',
    keys: ['k', 'up'],
    description: 'pick the previous setting',
    short: 'pick back',
    scope: 'limits',
    footer: false,
  },
  {
    id: 'limits-edit',
    keys: ['return'],
    description: "edit the picked setting's value",
    short: 'edit',
    scope: 'limits',
    footer: true,
  },
  {
    id: 'limits-submit',
    keys: ['return'],
    description: 'check the value like factory_config.md and send it to the run (it applies from the next round)',
    short: 'send',
    scope: 'limits-edit',
    footer: true,
  },
  {
    id: 'limits-cancel',
    keys: ['escape'],
    description: 'stop editing; the value stays as it was',
    short: 'cancel',
    scope: 'limits-edit',
    footer: true,
  },
  {
    id: 'quit-stop',
    keys: ['y'],
    description: 'stop the run after the current step and quit',
    short: 'stop run & quit',
    scope: 'quit',
    footer: true,
  },
  {
    id: 'quit-keep',
    keys: ['k'],
    description: 'quit and leave the run going headless (attach again with factory tui)',
    short: 'keep running & quit',
    scope: 'quit',
    footer: true,
  },
  { id: 'quit-stay', keys: ['n'], description: 'stay in the dashboard', short: 'stay', scope: 'quit', footer: true },
];

/** The scopes whose keys work now, most specific first. */
function activeScopes(state: DashboardState): KeyScope[] {
  // Editing a value, every other key is typed into it.
  if (state.overlay === 'limits' && state.limits.editing) return ['limits-edit'];
  if (state.overlay !== 'none') return [state.overlay, 'overlay'];
  return state.focus === 'diff' ? ['diff', 'global'] : ['global'];
}

export function bindingFor(state: DashboardState, key: string): KeyBinding | undefined {
  for (const scope of activeScopes(state)) {
    const binding = keymap.find((entry) => entry.scope === scope && entry.keys.includes(key));
    if (binding) return binding;
  }
  return undefined;
}

/**
 * The footer's bindings now: active, shown on screen, not disabled; the most specific scope first, as the width cuts
 * the end.
 */
export function footerBindings(state: DashboardState): KeyBinding[] {
  return activeScopes(state).flatMap((scope) =>
    keymap.filter((entry) => entry.footer && entry.scope === scope && !entry.disabledReason?.(state)),
  );
}

export const keyLabel = (binding: KeyBinding): string => (binding.id === 'zoom' ? '1-4' : binding.keys.join('/'));

/** Whether keys with no binding now are typed into state.draft (the redirect text, a limit's value). */
export const typing = (state: DashboardState): boolean =>
  state.overlay === 'redirect' || (state.overlay === 'limits' && state.limits.editing);

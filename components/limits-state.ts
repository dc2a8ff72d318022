// The limits form's slice of the dashboard state: the live settings' current values, the picked row, editing, the last
// message.
import { liveKeys } from '../engine/config/live-setting.js';
import type { FactoryEvent } from '../engine/contract/events.js';

type LimitsMessage = { tone: 'failure' | 'success'; text: string };
export type LimitsForm = { row: number; editing: boolean; message?: LimitsMessage };

export type LimitsAction =
  | { type: 'limits-move'; by: 1 | -1 }
  | { type: 'limits-edit' }
  | { type: 'limits-cancel' }
  /** The outcome of a submit: ok leaves editing (the value was sent), not ok stays on it with the reason. */
  | { type: 'limits-result'; ok: boolean; text: string };

export type LimitsSlice = { settings: Record<string, string>; limits: LimitsForm; draft: string };

export const initialLimits = (): LimitsForm => ({ row: 0, editing: false });

/** The setting on the picked row. */
export function pickedKey(form: LimitsForm): string {
  const key = liveKeys[form.row];
  if (key === undefined) throw new Error(`the limits form has no row ${form.row}`);
  return key;
}

export function reduceLimits<S extends LimitsSlice>(state: S, action: LimitsAction): S {
  const { limits } = state;
  switch (action.type) {
    case 'limits-move':
      return {
        ...state,
        limits: { ...limits, row: (limits.row + action.by + liveKeys.length) % liveKeys.length, message: undefined },
      };
    case 'limits-edit':
      return {
        ...state,
        limits: { ...limits, editing: true, message: undefined },
        draft: state.settings[pickedKey(limits)] ?? '',
      };
    case 'limits-cancel':
      return { ...state, limits: { ...limits, editing: false, message: undefined } };
    case 'limits-result':
      return {
        ...state,
        limits: {
          ...limits,
          editing: !action.ok,
          message: { tone: action.ok ? 'success' : 'failure', text: action.text },
        },
      };
  }
}

/** Folds the events that carry settings: the run's starting values, a change applied, a value the engine refused. */
export function limitsEvent<S extends LimitsSlice>(state: S, event: FactoryEvent): S {
  switch (event.type) {
    case 'run:started':
      return { ...state, settings: { ...event.settings } };
    case 'config:changed':
      return {
        ...state,
        settings: { ...state.settings, [event.key]: event.value },
        limits: {
          ...state.limits,
          message: {
            tone: 'success',
            text: `${event.key} is now ${event.value || '(empty)'}: it applies from the next round`,
          },
        },
      };
    case 'config:rejected':
      return {
        ...state,
        limits: {
          ...state.limits,
          message: { tone: 'failure', text: `the run refused ${event.key}=${event.value}: ${event.message}` },
        },
      };
    default:
      return state;
  }
}

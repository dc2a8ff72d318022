// Routes key presses: keymap binding -> handler (or the binding's disabled reason); while typing (redirect, a limit's
// value) other keys edit the draft.
import { useInput } from 'ink';
import { useRef } from 'react';
import type { DashboardState, UiAction } from './dashboard-state.js';
import type { KeyHandler } from './key-actions.js';
import { keyName } from './key-name.js';
import { bindingFor, typing, type KeyId } from './keymap.js';

/** Subscribes to key presses while active (false when stdin is not interactive). */
export function useKeymap(
  state: DashboardState,
  handlers: Record<KeyId, KeyHandler>,
  dispatch: (action: UiAction) => void,
  active: boolean,
): void {
  // Ink re-subscribes after the frame is drawn: a key pressed in between must still see the state on screen, not the
  // one before.
  const latest = useRef({ state, handlers });
  latest.current = { state, handlers };
  useInput(
    (input, key) => {
      const { state, handlers } = latest.current;
      const name = keyName(input, key);
      const binding = bindingFor(state, name);
      if (binding) {
        const reason = binding.disabledReason?.(state);
        if (reason) return dispatch({ type: 'notice', text: `${binding.keys[0]}: ${reason}` });
        if (state.notice && state.overlay === 'none') dispatch({ type: 'notice' });
        return handlers[binding.id](name);
      }
      if (!typing(state)) return;
      if (name === 'backspace') return dispatch({ type: 'draft', text: state.draft.slice(0, -1) });
      if (!key.ctrl && !key.meta && input && !/[\u0000-\u001f]/.test(input))
        dispatch({ type: 'draft', text: state.draft + input });
    },
    { isActive: active },
  );
}

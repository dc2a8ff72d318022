// Maps a line's tone to the palette's token for it.
import type { Theme } from '../themes/theme.js';
import type { Tone } from './line-window.js';

export function toneColor(theme: Theme, tone: Tone): string | undefined {
  const colours: Record<Tone, string | undefined> = {
    text: theme.text,
    dim: theme.dim,
    tool: theme.tool,
    edit: theme.edit,
    refused: theme.failure,
    success: theme.success,
    failure: theme.failure,
    warning: theme.warning,
    add: theme.diffAdd,
    remove: theme.diffRemove,
    hunk: theme.diffHunk,
    heading: theme.accent,
  };
  return colours[tone];
}

// Palette for dark terminal backgrounds (the default).
import type { Theme } from './theme.js';

export const dark: Theme = {
  name: 'dark',
  text: 'white',
  dim: 'gray',
  accent: 'cyan',
  border: 'gray',
  focusBorder: 'cyan',
  success: 'green',
  failure: 'red',
  warning: 'yellow',
  tool: 'magenta',
  edit: 'blue',
  diffAdd: 'green',
  diffRemove: 'red',
  diffHunk: 'cyan',
  keyHint: 'cyan',
  barFill: 'green',
  inverseEmphasis: false,
};

// Palette for light terminal backgrounds: darker hues that stay readable on white.
import type { Theme } from './theme.js';

export const light: Theme = {
  name: 'light',
  text: 'black',
  dim: 'gray',
  accent: 'blue',
  border: 'gray',
  focusBorder: 'blue',
  success: '#1a7f37',
  failure: '#cf222e',
  warning: '#9a6700',
  tool: '#8250df',
  edit: '#0550ae',
  diffAdd: '#1a7f37',
  diffRemove: '#cf222e',
  diffHunk: '#0550ae',
  keyHint: 'blue',
  barFill: '#1a7f37',
  inverseEmphasis: false,
};

// Palette for low vision: bright primaries only, focus shown in inverse video as well as colour.
import type { Theme } from './theme.js';

export const highContrast: Theme = {
  name: 'high-contrast',
  text: 'whiteBright',
  dim: 'white',
  accent: 'yellowBright',
  border: 'white',
  focusBorder: 'yellowBright',
  success: 'greenBright',
  failure: 'redBright',
  warning: 'yellowBright',
  tool: 'magentaBright',
  edit: 'cyanBright',
  diffAdd: 'greenBright',
  diffRemove: 'redBright',
  diffHunk: 'cyanBright',
  keyHint: 'yellowBright',
  barFill: 'greenBright',
  inverseEmphasis: true,
};
